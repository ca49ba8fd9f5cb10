use std::sync::Arc;

use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: Option<Arc<&'static i32>>,
    #[validate(email)]
    email: ::std::vec::Vec<String>,
    #[validate(required)]
    always: Box<String>,
}

fn main() {}
