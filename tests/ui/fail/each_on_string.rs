use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(each(length(max = 1)))]
    unique_name: String,
}

fn main() {}
