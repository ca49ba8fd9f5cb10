//! Semantic checks on the parsed model: what parses but cannot be right. Every problem
//! is collected with the span of the token at fault; each rule checks its own
//! arguments, this module what concerns a field as a whole.

use std::collections::HashSet;

use crate::parse::{Container, Shape};
use crate::rules::{Rule, Target};
use crate::types::TypeKind;

pub fn container(container: &Container, errors: &mut Vec<syn::Error>) {
    let fields: Vec<_> = match &container.shape {
        Shape::Struct(fields) => fields.all().iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
    };
    for field in fields {
        rules(&field.rules, TypeKind::of(field.ty), errors);
    }
}

/// `kind` is what the rules apply to, when its spelling tells; inside `each` it is the
/// element, which is not looked for.
pub fn rules(rules: &[Rule], kind: Option<TypeKind>, errors: &mut Vec<syn::Error>) {
    let mut seen = HashSet::new();
    for rule in rules {
        let name = rule.name.to_string();
        if !rule.kind.repeatable() && !seen.insert(name.clone()) {
            errors.push(syn::Error::new_spanned(
                &rule.name,
                format!("duplicate rule `{name}` on this field; give each rule once"),
            ));
        }
        rule.kind.check(&rule.name, errors);
        self::rules(rule.kind.inner(), None, errors);
        if let Some(problem) = kind.and_then(|kind| type_mismatch(rule, kind)) {
            errors.push(syn::Error::new_spanned(&rule.name, problem));
        }
    }
}

fn type_mismatch(rule: &Rule, kind: TypeKind) -> Option<String> {
    match rule.kind.target() {
        Target::Bases { label, fits, needs } => (!fits.contains(&kind.base)).then(|| {
            format!(
                "`{label}` applies to {needs}, but this field is {}",
                kind.describe()
            )
        }),
        Target::Optional => {
            (!kind.optional).then(|| "`required` needs an `Option`: this field is always present".to_owned())
        }
        Target::Anything => None,
    }
}
