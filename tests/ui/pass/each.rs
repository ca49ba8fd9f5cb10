use std::collections::HashMap;

use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(each(sid(prefix = "UG"), length(equal = 34)))]
    sids: Vec<String>,
    #[validate(each(range(max = 1000)))]
    page_sizes: HashMap<String, u32>,
    #[validate(each(pattern = "^[a-z]+$"))]
    tags: Option<Vec<String>>,
}

fn main() {
    let build = Build {
        sids: vec!["UG0123456789abcdef0123456789abcdef".into(), "UG".into()],
        page_sizes: HashMap::from([("list".to_owned(), 5000)]),
        tags: Some(vec!["ok".into(), "Not OK".into()]),
    };
    let paths: Vec<String> = build.validate().unwrap_err().iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["sids[1]", "sids[1]", "page_sizes[list]", "tags[1]"]);
}
