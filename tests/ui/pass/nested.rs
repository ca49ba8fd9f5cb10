use std::collections::BTreeMap;

use modelbuild::Validate;

#[derive(Validate)]
struct Item {
    #[validate(sid(prefix = "UG"))]
    sid: String,
}

#[derive(Validate)]
struct Page<T> {
    #[validate(nested)]
    items: Vec<T>,
    #[validate(nested)]
    by_name: BTreeMap<String, Item>,
    #[validate(nested)]
    first: Option<Box<Item>>,
}

fn main() {
    let page = Page {
        items: vec![Item { sid: "x".into() }],
        by_name: BTreeMap::from([("a".to_owned(), Item { sid: "y".into() })]),
        first: None,
    };
    let paths: Vec<String> = page.validate().unwrap_err().iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["items[0].sid", "by_name[a].sid"]);
}
