//! The error API: building, merging, reading, `Display`, JSON both ways and `Validate`
//! on collections, the same operations on both crates.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, LinkedList, VecDeque};

use serde_json::{json, Value};

use crate::both;

#[test]
fn an_error_is_built_and_shown_alike() {
    both!(v => {
        let mut error = v::ValidationError::new("length");
        error.add_param(Cow::Borrowed("min"), &3);
        let plain = error.to_string();
        let error = error.with_message(Cow::Borrowed("too short"));
        (plain, error.to_string(), serde_json::to_value(&error).unwrap())
    });
    both!(v => {
        let mut error = v::ValidationError::new("x");
        error.add_param("value".into(), &vec![Some(1.5), None]);
        error.add_param("value".into(), &"replaced");
        #[allow(deprecated)]
        let description = std::error::Error::description(&error).to_owned();
        (serde_json::to_value(&error).unwrap(), description)
    });
}

/// The same tree of errors, built by each crate's operations: fields, a nested struct,
/// a list, and `schema`'s `__all__`.
macro_rules! tree {
    ($v:ident) => {{
        let field = |code: &'static str| {
            let mut error = $v::ValidationError::new(code);
            error.add_param("value".into(), &"x");
            error
        };
        let mut child = $v::ValidationErrors::new();
        child.add("name", field("length"));
        let mut list = Vec::new();
        for failed in [false, true, false, true] {
            let mut item = $v::ValidationErrors::new();
            if failed {
                item.add("sid", field("regex"));
            }
            let item = if item.is_empty() { Ok(()) } else { Err(item) };
            list.push($v::ValidationErrors::merge(Ok(()), "steps", item));
        }
        let mut errors = $v::ValidationErrors::new();
        errors.add("mail", field("email"));
        errors.add("mail", field("custom"));
        errors.add("__all__", field("schema"));
        errors.merge_self("contact", Err(child));
        errors.merge_self("skipped", Ok(()));
        let with_steps = $v::ValidationErrors::merge_all(Err(errors), "steps", list);
        with_steps.unwrap_err()
    }};
}

#[test]
fn merged_trees_read_alike() {
    both!(v => {
        let errors = tree!(v);
        let mut fields: Vec<(String, Vec<String>)> = (errors.field_errors().into_iter())
            .map(|(name, list)| (name.into_owned(), list.iter().map(|e| e.code.to_string()).collect()))
            .collect();
        fields.sort();
        let kinds: BTreeMap<String, &'static str> = (errors.errors().iter())
            .map(|(name, kind)| {
                let kind = match kind {
                    v::ValidationErrorsKind::Field(_) => "field",
                    v::ValidationErrorsKind::Struct(_) => "struct",
                    v::ValidationErrorsKind::List(_) => "list",
                };
                (name.to_string(), kind)
            })
            .collect();
        let result: Result<(), v::ValidationErrors> = Err(errors.clone());
        let flags = (
            v::ValidationErrors::has_error(&result, "mail"),
            v::ValidationErrors::has_error(&result, "age"),
            v::ValidationErrors::has_error(&Ok(()), "mail"),
            errors.is_empty(),
            v::ValidationErrors::new().is_empty(),
        );
        (fields, kinds, flags, serde_json::to_value(&errors).unwrap(), errors.into_errors().len())
    });
}

#[test]
fn json_is_validators_shape() {
    let json = both!(v => serde_json::to_value(tree!(v)).unwrap());
    assert_eq!(
        json["contact"],
        json!({"name": [{"code": "length", "message": null, "params": {"value": "x"}}]})
    );
    assert_eq!(json["steps"]["1"]["sid"][0]["code"], "regex");
    assert_eq!(json["__all__"][0]["code"], "schema");
}

#[test]
fn json_reads_back_into_the_same_tree() {
    let json: Value = serde_json::to_value(tree!(validator)).unwrap();
    both!(v => {
        let errors: v::ValidationErrors = serde_json::from_value(json.clone()).unwrap();
        serde_json::to_value(&errors).unwrap()
    });
    let text = json!({"a": [], "b": {"0": {"c": [{"code": "x", "message": "m", "params": {}}]}}}).to_string();
    both!(v => serde_json::to_value(serde_json::from_str::<v::ValidationErrors>(&text).unwrap()).unwrap());
}

#[test]
fn display_is_validators() {
    // One top-level entry each, so that the map's order cannot differ.
    both!(v => {
        let mut one = v::ValidationErrors::new();
        let mut error = v::ValidationError::new("range");
        error.add_param("min".into(), &1);
        one.add("age", error);
        one.add("age", v::ValidationError::new("custom").with_message("odd".into()));
        let mut nested = v::ValidationErrors::new();
        nested.merge_self("contact", Err(one.clone()));
        let list = v::ValidationErrors::merge_all(
            Ok(()),
            "items",
            vec![Ok(()), v::ValidationErrors::merge(Ok(()), "items", Err(one.clone()))],
        )
        .unwrap_err();
        (one.to_string(), nested.to_string(), list.to_string(), v::ValidationErrors::new().to_string())
    });
}

#[test]
#[should_panic(expected = "Attempt to add field validation to a non-Field ValidationErrorsKind instance")]
fn adding_to_a_nested_entry_panics_as_in_validator() {
    let mut errors = modelbuild_validator::ValidationErrors::new();
    let mut child = modelbuild_validator::ValidationErrors::new();
    child.add("a", modelbuild_validator::ValidationError::new("x"));
    errors.merge_self("child", Err(child));
    errors.add("child", modelbuild_validator::ValidationError::new("y"));
}

#[derive(PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Item(u8);

macro_rules! item_validates {
    ($v:ident) => {
        impl $v::Validate for Item {
            fn validate(&self) -> Result<(), $v::ValidationErrors> {
                let mut errors = $v::ValidationErrors::new();
                if self.0 % 2 == 1 {
                    errors.add("n", $v::ValidationError::new("even"));
                }
                if errors.is_empty() {
                    Ok(())
                } else {
                    Err(errors)
                }
            }
        }
    };
}

mod theirs_item {
    item_validates!(validator);
    use super::Item;
}
mod our_item {
    item_validates!(modelbuild_validator);
    use super::Item;
}

fn json<E: serde::Serialize>(result: Result<(), E>) -> Result<(), Value> {
    result.map_err(|errors| serde_json::to_value(errors).unwrap())
}

#[test]
fn collections_validate_alike() {
    let _checked = both!(v => {
        use v::Validate;
        (
            json(vec![Item(2), Item(3), Item(5)].validate()),
            json([Item(1), Item(2)].validate()),
            json([Item(1), Item(2)][..].validate()),
            json(VecDeque::from([Item(4)]).validate()),
            json(LinkedList::from([Item(1)]).validate()),
            json(BTreeSet::from([Item(1), Item(3)]).validate()),
            json(HashSet::from([Item(1)]).validate()),
            json((&BTreeMap::from([("a", Item(1)), ("b", Item(2))])).validate()),
            json((&HashMap::from([("a", Item(1))])).validate()),
            json((&&Item(1)).validate()),
        )
    });
}
