use modelbuild::Validate;

#[derive(Validate)]
struct Comment {
    // validator writes `contains(pattern = "..")`: ours is `value`.
    #[validate(contains(pattern = "@"))]
    text: String,
}

fn main() {}
