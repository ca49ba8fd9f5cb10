//! The error types, shaped as validator 0.21's: a map by field name whose entries are a
//! field's own errors, a nested struct's errors or a list's errors by index.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One broken rule: its code (`"length"`, or what the attribute's `code` says), the
/// message the attribute gave (`None` unless it gave one) and its parameters, among
/// them `value`, the value that failed.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidationError;
///
/// let mut error = ValidationError::new("length");
/// error.add_param("min".into(), &3);
/// let error = error.with_message("too short".into());
/// assert_eq!(error.params["min"], 3);
/// assert_eq!(error.to_string(), "too short");
/// ```
#[derive(Debug, PartialEq, Clone, Serialize, Deserialize)]
pub struct ValidationError {
    /// What broke, for programs to match on.
    pub code: Cow<'static, str>,
    /// The message given with the rule, if any; [`Display`](std::fmt::Display) falls
    /// back to the code and parameters without one.
    pub message: Option<Cow<'static, str>>,
    /// The rule's arguments and the value that failed, as JSON values.
    pub params: HashMap<Cow<'static, str>, Value>,
}

impl ValidationError {
    /// An error with `code`, no message and no parameters.
    pub fn new(code: &'static str) -> ValidationError {
        ValidationError {
            code: Cow::Borrowed(code),
            message: None,
            params: HashMap::new(),
        }
    }

    /// Adds (or replaces) the parameter `name`, `value` turned into JSON. A value that
    /// JSON cannot hold (a map with keys that are not strings) is stored as `null`,
    /// where validator panics.
    pub fn add_param<T: Serialize>(&mut self, name: Cow<'static, str>, value: &T) {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.params.insert(name, value);
    }

    /// The error with `message` as its message.
    pub fn with_message(mut self, message: Cow<'static, str>) -> ValidationError {
        self.message = Some(message);
        self
    }
}

impl std::error::Error for ValidationError {
    // What validator's impl answers to code that still calls this.
    fn description(&self) -> &str {
        &self.code
    }
}

/// What one key of [`ValidationErrors`] holds. Serialized without a tag, as validator
/// writes it: a struct's errors as an object, a list's as an object keyed by index, a
/// field's as an array.
#[derive(Debug, Serialize, Deserialize, Clone, PartialEq)]
#[serde(untagged)]
pub enum ValidationErrorsKind {
    /// The errors of a nested struct (`#[validate(nested)]` on a struct or an `Option`
    /// of one).
    Struct(Box<ValidationErrors>),
    /// The errors of the elements of a nested collection, by position.
    List(BTreeMap<usize, Box<ValidationErrors>>),
    /// The field's own broken rules, in the order validator checks them.
    Field(Vec<ValidationError>),
}

/// Every broken rule of a value, by field name; the rules on the whole type
/// (`#[validate(schema(...))]`) under `"__all__"`.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};
///
/// let mut errors = ValidationErrors::new();
/// errors.add("name", ValidationError::new("length"));
/// assert_eq!(errors.field_errors()["name"][0].code, "length");
/// assert!(matches!(errors.errors()["name"], ValidationErrorsKind::Field(_)));
/// assert_eq!(
///     serde_json::to_value(&errors).unwrap(),
///     serde_json::json!({"name": [{"code": "length", "message": null, "params": {}}]})
/// );
/// ```
#[derive(Default, Debug, Serialize, Deserialize, Clone, PartialEq)]
pub struct ValidationErrors(pub HashMap<Cow<'static, str>, ValidationErrorsKind>);

/// The key under which the collections' `Validate` impls hand their list to
/// [`ValidationErrors::merge_self`], which puts it under the field's name instead.
pub(crate) const LIST_KEY: &str = "_tmp_validator";

impl ValidationErrors {
    /// No errors.
    pub fn new() -> ValidationErrors {
        ValidationErrors(HashMap::new())
    }

    /// Whether `result` failed with errors under `field`.
    #[must_use]
    pub fn has_error(result: &Result<(), ValidationErrors>, field: &'static str) -> bool {
        result.as_ref().is_err_and(|errors| errors.0.contains_key(field))
    }

    /// Puts a nested value's errors under `field`: a collection's as a list, anything
    /// else's as a struct. Nothing happens when `child` is `Ok`.
    ///
    /// # Panics
    ///
    /// When `field` already has errors, as validator does: the derive only merges into
    /// a field that has none.
    pub fn merge_self(
        &mut self,
        field: &'static str,
        child: Result<(), ValidationErrors>,
    ) -> &mut ValidationErrors {
        if let Err(mut errors) = child {
            let kind = match errors.0.remove(LIST_KEY) {
                Some(list) => list,
                None => ValidationErrorsKind::Struct(Box::new(errors)),
            };
            self.add_nested(field, kind);
        }
        self
    }

    /// `parent` with `child`'s errors under `field` as a struct's; `Ok` when both are.
    ///
    /// # Panics
    ///
    /// When `parent` already has errors under `field`.
    pub fn merge(
        parent: Result<(), ValidationErrors>,
        field: &'static str,
        child: Result<(), ValidationErrors>,
    ) -> Result<(), ValidationErrors> {
        let Err(child) = child else {
            return parent;
        };
        let mut errors = parent.err().unwrap_or_default();
        errors.add_nested(field, ValidationErrorsKind::Struct(Box::new(child)));
        Err(errors)
    }

    /// `parent` with the errors of a list's elements under `field`: each child result
    /// is that of [`merge`](Self::merge)ing one element under `field`, and those with
    /// errors there are kept by their position. `parent` alone when none has.
    ///
    /// # Panics
    ///
    /// When `parent` already has errors under `field`.
    pub fn merge_all(
        parent: Result<(), ValidationErrors>,
        field: &'static str,
        children: Vec<Result<(), ValidationErrors>>,
    ) -> Result<(), ValidationErrors> {
        let list: BTreeMap<usize, Box<ValidationErrors>> = (children.into_iter().enumerate())
            .filter_map(|(index, child)| match child.err()?.0.remove(field) {
                Some(ValidationErrorsKind::Struct(errors)) => Some((index, errors)),
                _ => None,
            })
            .collect();
        if list.is_empty() {
            return parent;
        }
        let mut errors = parent.err().unwrap_or_default();
        errors.add_nested(field, ValidationErrorsKind::List(list));
        Err(errors)
    }

    /// Every entry: fields, nested structs and lists, by name.
    pub fn errors(&self) -> &HashMap<Cow<'static, str>, ValidationErrorsKind> {
        &self.0
    }

    /// Every entry, to change.
    pub fn errors_mut(&mut self) -> &mut HashMap<Cow<'static, str>, ValidationErrorsKind> {
        &mut self.0
    }

    /// Every entry, owned.
    pub fn into_errors(self) -> HashMap<Cow<'static, str>, ValidationErrorsKind> {
        self.0
    }

    /// The fields' own errors (not the nested ones), by field name.
    pub fn field_errors(&self) -> HashMap<Cow<'static, str>, &Vec<ValidationError>> {
        (self.0.iter())
            .filter_map(|(name, kind)| match kind {
                ValidationErrorsKind::Field(errors) => Some((name.clone(), errors)),
                _ => None,
            })
            .collect()
    }

    /// Adds `error` to the errors of `field`.
    ///
    /// # Panics
    ///
    /// When `field` holds a nested struct's or a list's errors, with validator's
    /// message.
    pub fn add(&mut self, field: &'static str, error: ValidationError) {
        let kind =
            (self.0.entry(Cow::Borrowed(field))).or_insert_with(|| ValidationErrorsKind::Field(Vec::new()));
        match kind {
            ValidationErrorsKind::Field(errors) => errors.push(error),
            _ => panic!("Attempt to add field validation to a non-Field ValidationErrorsKind instance"),
        }
    }

    /// Whether there are no errors.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn add_nested(&mut self, field: &'static str, errors: ValidationErrorsKind) {
        match self.0.entry(Cow::Borrowed(field)) {
            Entry::Vacant(entry) => {
                entry.insert(errors);
            }
            Entry::Occupied(_) => panic!("Attempt to replace non-empty ValidationErrors entry"),
        }
    }
}

impl std::error::Error for ValidationErrors {
    fn description(&self) -> &str {
        "Validation failed"
    }
}
