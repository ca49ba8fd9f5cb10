use modelbuild::Validate;

#[derive(Validate)]
enum Source {
    #[validate(sid(prefix = "UG"))]
    Sid(String),
}

fn main() {}
