use validator::Validate;

#[derive(Validate)]
#[validate(schema(skip_on_field_errors = false))]
struct Signup {
    name: String,
}

fn main() {}
