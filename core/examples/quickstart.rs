//! Validates a small build request and prints every broken rule with its path.

use modelbuild::Validate;

#[derive(Validate)]
struct CreateBuild {
    #[validate(uri(schemes = ["https", "http"]))]
    status_callback: Option<String>,
    #[validate(length(max = 64))]
    unique_name: Option<String>,
}

fn main() {
    let request = CreateBuild {
        status_callback: Some("ftp://example.com".into()),
        unique_name: Some("x".repeat(65)),
    };
    match request.validate() {
        Ok(()) => println!("valid"),
        Err(errors) => println!("{errors}"),
    }
}
