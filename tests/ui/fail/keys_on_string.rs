use modelbuild::Validate;

#[derive(Validate)]
struct Labels {
    #[validate(keys(length(max = 8)))]
    labels: String,
}

fn main() {}
