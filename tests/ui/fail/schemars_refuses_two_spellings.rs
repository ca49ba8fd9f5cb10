// schemars reads `#[validate]` itself and refuses two of our spellings: `required`
// with options, and `contains = ".."`. README ("Schemas") gives the forms it takes:
// `required` bare, `contains(pattern = "..")`. This case pins schemars' errors.
use modelbuild::Validate;
use schemars::JsonSchema;

#[derive(JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
struct Signup {
    #[validate(required(code = "missing"))]
    name: Option<String>,
    #[validate(contains = "@")]
    email: String,
}

fn main() {}
