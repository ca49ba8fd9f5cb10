use modelbuild::Validate;

#[derive(Validate)]
struct Query {
    #[validate(range(min = 1, max = 1000))]
    page_size: Option<u32>,
    #[validate(range(min = 0))]
    page: i64,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    ratio: f32,
}

fn main() {
    assert!(Query { page_size: Some(1000), page: 0, ratio: 0.5 }.validate().is_ok());
    assert_eq!(Query { page_size: Some(0), page: -1, ratio: 1.0 }.validate().unwrap_err().len(), 3);
}
