//! `validate()` and an independent JSON Schema validator (the `jsonschema` crate), run
//! on the schema schemars derives with our transform, agree on every generated value,
//! field by field: a field fails one exactly when it fails the other.
//!
//! The type uses every rule JSON Schema can state (`agreement` says which are left
//! out, and why). Formats are asserted, except `email`: JSON Schema's `email` is RFC
//! 5321's `Mailbox`, another definition, so the rule's `pattern` carries ours and
//! `format: email` stays the annotation JSON Schema 2020-12 makes every format by
//! default.

mod agreement;

use agreement::{agree, everything_valid, Everything};
use modelbuild::Validate;
use proptest::test_runner::Config;

#[test]
fn validate_and_json_schema_agree_field_by_field() {
    let schema = schemars::schema_for!(Everything).to_value();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .with_format("email", |_: &str| true)
        .build(&schema)
        .expect("the generated schema compiles");
    let config = Config {
        cases: 4000,
        failure_persistence: None,
        ..Config::default()
    };
    agree(&validator, config, 20);
}

#[test]
fn a_valid_value_is_valid_to_both() {
    let schema = schemars::schema_for!(Everything).to_value();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let value = everything_valid();
    assert!(value.validate().is_ok());
    let instance = serde_json::to_value(&value).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
