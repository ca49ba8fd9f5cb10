use modelbuild::Validate;

struct Seconds(u64);

#[derive(Validate)]
struct Build {
    #[validate(range(max = 60))]
    build_duration: Seconds,
}

fn main() {}
