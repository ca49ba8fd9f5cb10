use validator::Validate;

#[derive(Validate)]
enum Status {
    Queued,
    Done(String),
}

fn main() {}
