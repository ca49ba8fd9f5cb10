use modelbuild::Validate;

#[derive(Validate)]
struct Labels {
    #[validate(keys())]
    labels: std::collections::BTreeMap<String, String>,
}

fn main() {}
