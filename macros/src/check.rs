//! Semantic checks on the parsed model: what parses but cannot be right. Every problem
//! is collected with the span of the token at fault; each rule checks its own
//! arguments, this module what concerns a field as a whole.

use std::collections::HashSet;

use crate::parse::{Container, Fields, Shape};
use crate::rules::{Rule, Target};
use crate::types::TypeKind;

pub fn container(container: &Container, errors: &mut Vec<syn::Error>) {
    let groups: Vec<&Fields> = match &container.shape {
        Shape::Struct(fields) => vec![fields],
        Shape::Enum(variants) => variants.iter().map(|v| &v.fields).collect(),
    };
    for fields in groups {
        let names: Vec<String> = fields.all().iter().map(|f| f.member_name()).collect();
        for field in fields.all() {
            let own = field.member_name();
            rules(
                &field.rules,
                TypeKind::of(field.ty),
                Some((own.as_str(), names.as_slice())),
                errors,
            );
        }
    }
}

/// `kind` is what the rules apply to, when its spelling tells; inside `each` it is the
/// element, which is not looked for. `field` is the field's name and its siblings', or
/// `None` inside `each` and `keys`.
pub fn rules(
    rules: &[Rule],
    kind: Option<TypeKind>,
    field: Option<(&str, &[String])>,
    errors: &mut Vec<syn::Error>,
) {
    let mut seen = HashSet::new();
    if let Some(alone) = rules.iter().find(|r| r.kind.alone()).filter(|_| rules.len() > 1) {
        errors.push(syn::Error::new_spanned(
            &alone.name,
            format!(
                "`{}` means no rule: remove it, or the other rules of this field",
                alone.name
            ),
        ));
    }
    for rule in rules {
        let name = rule.name.to_string();
        if !rule.kind.repeatable() && !seen.insert(name.clone()) {
            errors.push(syn::Error::new_spanned(
                &rule.name,
                format!("duplicate rule `{name}` on this field; give each rule once"),
            ));
        }
        self::rules(rule.kind.inner(), None, None, errors);
        if !rule.complete {
            continue;
        }
        rule.kind.check(&rule.name, errors);
        rule.kind.check_fields(&rule.name, field, errors);
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
