use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(rules::sid(prefix = "UG"), lenght(max = 3))]
    sid: String,
}

fn main() {}
