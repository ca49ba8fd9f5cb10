use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(each)]
    sids: Vec<String>,
    #[validate(each())]
    names: Vec<String>,
}

fn main() {}
