// The spellings schemars accepts, checked by both derives.
use modelbuild::Validate;
use schemars::JsonSchema;

#[derive(JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
struct Signup {
    #[validate(required)]
    name: Option<String>,
    #[validate(contains(pattern = "@", code = "at"))]
    email: String,
}

fn main() {
    let bad = Signup { name: None, email: "ada".into() };
    let errors = bad.validate().unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["required", "at"]);
    let schema = schemars::schema_for!(Signup).to_value();
    assert_eq!(schema["properties"]["email"]["pattern"], "@");
    assert_eq!(schema["required"], serde_json::json!(["name", "email"]));
}
