use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(each(sid(prefix = "ug"), rename = "Sids", emial))]
    sids: Vec<String>,
}

fn main() {}
