//! Custom rules that see runtime data (a context), take extra arguments, and report
//! errors at named fields.

use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use modelbuild::{RuleError, Valid, Validate, ValidateWith};

/// What the app knows at run time: names already taken and a limit from its config.
struct Registry {
    taken: HashSet<&'static str>,
    max_builds: usize,
}

fn registry() -> Registry {
    Registry {
        taken: HashSet::from(["nightly"]),
        max_builds: 2,
    }
}

fn is_free(name: &str, registry: &Registry) -> Result<(), RuleError> {
    match registry.taken.contains(name) {
        true => Err(RuleError::new("taken", "is already taken").with_param("name", name.to_owned())),
        false => Ok(()),
    }
}

fn within_limit(builds: &[Build], registry: &Registry) -> Result<(), RuleError> {
    match builds.len() <= registry.max_builds {
        true => Ok(()),
        false => {
            Err(RuleError::new("too_many", "has too many builds").with_param("max", registry.max_builds))
        }
    }
}

#[derive(Validate)]
#[validate(context = Registry)]
struct Build {
    #[validate(length(max = 8), custom = is_free)]
    unique_name: String,
}

/// A type with no context, nested in one with a context.
#[derive(Validate)]
struct Callback {
    #[validate(uri(schemes = ["https"]))]
    url: String,
}

#[derive(Validate)]
#[validate(context = Registry)]
struct Assistant {
    #[validate(custom = is_free)]
    unique_name: String,
    #[validate(nested, custom = within_limit)]
    builds: Vec<Build>,
    #[validate(each(nested))]
    by_name: BTreeMap<String, Build>,
    #[validate(nested)]
    callback: Option<Callback>,
}

fn build(name: &str) -> Build {
    Build {
        unique_name: name.into(),
    }
}

#[test]
fn custom_rules_receive_the_context_and_nested_passes_it_down() {
    let assistant = Assistant {
        unique_name: "nightly".into(),
        builds: vec![build("weekly"), build("nightly"), build("a")],
        by_name: BTreeMap::from([("x".to_owned(), build("nightly"))]),
        callback: Some(Callback {
            url: "http://example.com".into(),
        }),
    };
    let errors = assistant.validate_with(&registry()).unwrap_err();
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("unique_name".to_owned(), "taken"),
            ("builds[1].unique_name".to_owned(), "taken"),
            ("builds".to_owned(), "too_many"),
            ("by_name[x].unique_name".to_owned(), "taken"),
            ("callback.url".to_owned(), "uri"),
        ]
    );
    let taken = errors.iter().next().unwrap().params().get("name").cloned();
    assert_eq!(taken, Some("nightly".to_owned().into()));
}

#[test]
fn the_same_value_passes_with_another_context() {
    let assistant = Assistant {
        unique_name: "nightly".into(),
        builds: vec![build("nightly")],
        by_name: BTreeMap::new(),
        callback: None,
    };
    let empty = Registry {
        taken: HashSet::new(),
        max_builds: 5,
    };
    assert!(assistant.validate_with(&empty).is_ok());
    assert!(Valid::new_with(assistant, &empty).is_ok());
}

#[test]
fn a_type_with_no_context_takes_any() {
    let callback = Callback {
        url: "ftp://x".into(),
    };
    assert_eq!(callback.validate(), callback.validate_with(&registry()));
    assert_eq!(callback.validate(), callback.validate_with(&42));
}

/// A rule on the whole value with the context.
#[derive(Validate)]
#[validate(context = Registry, custom = not_all_taken)]
struct Batch {
    names: Vec<String>,
}

fn not_all_taken(batch: &Batch, registry: &Registry) -> Result<(), RuleError> {
    let free = batch
        .names
        .iter()
        .filter(|n| !registry.taken.contains(n.as_str()))
        .count();
    match free {
        0 => Err(RuleError::new("no_free_name", "needs a name that is free").at("names")),
        _ => Ok(()),
    }
}

#[test]
fn a_whole_value_rule_gets_the_context_and_names_a_field() {
    let batch = Batch {
        names: vec!["nightly".into()],
    };
    assert_eq!(
        batch.validate_with(&registry()).unwrap_err().to_string(),
        "names: needs a name that is free"
    );
}

/// Extra arguments: literals, constants and fields of the same value.
const FLOOR: u32 = 1;

fn between(value: &u32, low: u32, high: &u32) -> Result<(), RuleError> {
    match (low..=*high).contains(value) {
        true => Ok(()),
        false => Err(RuleError::new(
            "between",
            format!("must be between {low} and {high}"),
        )),
    }
}

fn shorter_than(value: &str, limit: usize, unit: &str) -> Result<(), RuleError> {
    match value.chars().count() < limit {
        true => Ok(()),
        false => Err(RuleError::new(
            "shorter",
            format!("must be shorter than {limit} {unit}"),
        )),
    }
}

#[derive(Validate)]
struct Window {
    max_size: u32,
    #[validate(custom(function = between, args(FLOOR, max_size)))]
    page_size: u32,
    #[validate(custom(function = shorter_than, args(5, "characters")))]
    label: String,
}

#[test]
fn custom_rules_take_literals_constants_and_other_fields() {
    let window = Window {
        max_size: 10,
        page_size: 11,
        label: "too long".into(),
    };
    assert_eq!(
        window.validate().unwrap_err().to_string(),
        "page_size: must be between 1 and 10\nlabel: must be shorter than 5 characters"
    );
    let fine = Window {
        max_size: 20,
        page_size: 11,
        label: "ok".into(),
    };
    assert!(fine.validate().is_ok());
}

/// Context and arguments together: the context comes right after the value.
fn free_and_short(name: &str, registry: &Registry, limit: usize) -> Result<(), RuleError> {
    is_free(name, registry)?;
    shorter_than(name, limit, "characters")
}

#[derive(Validate)]
#[validate(context = Registry)]
struct Rename {
    #[validate(custom(function = free_and_short, args(6)))]
    unique_name: String,
}

#[test]
fn the_context_comes_before_the_arguments() {
    let errors = Rename {
        unique_name: "monthly".into(),
    }
    .validate_with(&registry())
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "unique_name: must be shorter than 6 characters"
    );
}

/// Cross-field: a rule on the whole value puts several errors on named fields, by
/// their Rust names, and the paths use the wire names.
#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[validate(custom = check_passwords)]
struct SignUp {
    user_name: String,
    password: String,
    password_confirm: String,
}

fn check_passwords(form: &SignUp) -> Result<(), Vec<RuleError>> {
    let mut errors = Vec::new();
    if form.password != form.password_confirm {
        errors.push(RuleError::new("mismatch", "must equal the password").at("password_confirm"));
    }
    if form.password.contains(&form.user_name) {
        errors.push(RuleError::new("contains_name", "must not contain the user name").at("password"));
        errors.push(RuleError::new("weak", "is too easy to guess"));
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

#[test]
fn a_whole_value_rule_reports_several_errors_at_named_fields() {
    let form = SignUp {
        user_name: "ada".into(),
        password: "ada123".into(),
        password_confirm: "ada124".into(),
    };
    let errors = form.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("passwordConfirm".to_owned(), "mismatch"),
            ("password".to_owned(), "contains_name"),
            (String::new(), "weak"),
        ]
    );
}

#[derive(Validate)]
#[validate(custom = by_wire_or_unknown)]
struct Named {
    #[validate(rename = "Wire")]
    field: u8,
}

fn by_wire_or_unknown(named: &Named) -> Result<(), Vec<RuleError>> {
    if named.field == 0 {
        return Ok(());
    }
    Err(vec![
        RuleError::new("a", "by wire name").at("Wire"),
        RuleError::new("b", "no such field").at("nowhere"),
    ])
}

#[test]
fn a_field_is_found_by_wire_name_and_an_unknown_one_is_kept() {
    let errors = Named { field: 1 }.validate().unwrap_err();
    assert_eq!(errors.to_string(), "Wire: by wire name\nnowhere: no such field");
}

/// On an enum, a named field is found in the variant the value is.
#[derive(Validate, serde::Serialize)]
#[validate(custom = range_in_order)]
enum Span {
    Closed { start: u32, end: u32 },
    Open(u32, u32),
    Empty,
}

fn range_in_order(span: &Span) -> Result<(), RuleError> {
    let (start, end, field) = match span {
        Span::Closed { start, end } => (start, end, "end"),
        Span::Open(start, end) => (start, end, "1"),
        Span::Empty => return Err(RuleError::new("empty", "is empty")),
    };
    match start <= end {
        true => Ok(()),
        false => Err(RuleError::new("order", "must not come before the start").at(field)),
    }
}

#[test]
fn on_an_enum_the_field_is_in_the_variant() {
    let closed = Span::Closed { start: 5, end: 1 };
    assert_eq!(
        closed.validate().unwrap_err().to_string(),
        "Closed.end: must not come before the start"
    );
    let open = Span::Open(5, 1);
    let errors = open.validate().unwrap_err();
    assert_eq!(errors.to_string(), "Open[1]: must not come before the start");
    let json = serde_json::to_value(&open).unwrap();
    let pointer = errors.iter().next().unwrap().path().to_json_pointer();
    assert_eq!(json.pointer(&pointer), Some(&serde_json::json!(1)));
    assert_eq!(Span::Empty.validate().unwrap_err().to_string(), "is empty");
}

/// A type with a context, recursive through `Option<Box<_>>`, holding types with no
/// context behind containers and through `each(nested)`.
#[derive(Validate)]
#[validate(context = Registry)]
struct Step {
    #[validate(custom = is_free)]
    unique_name: String,
    #[validate(nested)]
    next: Option<Box<Step>>,
    #[validate(nested)]
    callbacks: Vec<Rc<Callback>>,
    #[validate(each(nested))]
    by_name: BTreeMap<String, Callback>,
}

/// A generic type with a context: its `nested` parameter is bound to take the context.
#[derive(Validate)]
#[validate(context = Registry)]
struct Page<T> {
    #[validate(nested)]
    items: Vec<T>,
}

#[test]
fn the_context_passes_through_containers_and_is_left_out_for_types_without_one() {
    let callback = |url: &str| Callback { url: url.into() };
    let step = Step {
        unique_name: "first".into(),
        next: Some(Box::new(Step {
            unique_name: "nightly".into(),
            next: None,
            callbacks: vec![
                Rc::new(callback("https://example.com")),
                Rc::new(callback("ftp://x")),
            ],
            by_name: BTreeMap::new(),
        })),
        callbacks: Vec::new(),
        by_name: BTreeMap::from([("hook".to_owned(), callback("http://example.com"))]),
    };
    let errors = step.validate_with(&registry()).unwrap_err();
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("next.unique_name".to_owned(), "taken"),
            ("next.callbacks[1].url".to_owned(), "uri"),
            ("by_name[hook].url".to_owned(), "uri"),
        ]
    );

    let page = Page {
        items: vec![build("weekly"), build("nightly")],
    };
    let errors = page.validate_with(&registry()).unwrap_err();
    assert_eq!(errors.to_string(), "items[1].unique_name: is already taken");
}
