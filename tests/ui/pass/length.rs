use modelbuild::Validate;

const MAX: usize = 64;

#[derive(Validate)]
struct Build {
    #[validate(length(max = MAX))]
    unique_name: String,
    #[validate(length(min = 1, max = 4, unit = "bytes"))]
    code: &'static str,
    #[validate(length(equal = 2, unit = "utf16"))]
    emoji: String,
    #[validate(length(min = 1))]
    tags: Vec<String>,
}

fn main() {
    let ok = Build { unique_name: "n".repeat(64), code: "abcd", emoji: "😀".into(), tags: vec!["a".into()] };
    assert!(ok.validate().is_ok());
    let bad = Build { unique_name: "n".repeat(65), code: "", emoji: "a".into(), tags: vec![] };
    assert_eq!(bad.validate().unwrap_err().len(), 4);
}
