//! Semantic checks on the parsed model: what parses but cannot be right. Every problem
//! is collected with the span of the token at fault; each rule checks its own
//! arguments, this module what concerns a field as a whole.

use crate::parse::{Container, Fields, Shape};
use crate::toolkit::{Rule, Target};
use crate::types::TypeKind;

pub fn container(container: &Container, errors: &mut Vec<syn::Error>) {
    let groups: Vec<&Fields> = match &container.shape {
        Shape::Struct(fields) => vec![fields],
        Shape::Enum(variants) => variants.iter().map(|v| &v.fields).collect(),
    };
    if let Some(marker) = &container.asynchronous {
        let walks = |rules: &[Rule]| rules.iter().any(|rule| rule.kind.walks());
        if !walks(&container.customs)
            && !groups
                .iter()
                .any(|fields| fields.all().iter().any(|f| walks(&f.rules)))
        {
            errors.push(syn::Error::new_spanned(
                marker,
                "`async` on a type with no async rule and no `nested` field: it has nothing to wait \
                 for; remove it, and validate the type with `validate()`",
            ));
        }
    }
    for fields in groups {
        let names: Vec<String> = fields.all().iter().map(|f| f.member_name()).collect();
        for (field, own) in fields.all().iter().zip(&names) {
            if field.rules.is_empty() {
                continue;
            }
            // The type's spelling is read only for rules that say what they apply to.
            let typed = field
                .rules
                .iter()
                .any(|rule| !matches!(rule.kind.target(), Target::Anything));
            rules(
                &field.rules,
                typed.then(|| TypeKind::of(field.ty)).flatten(),
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
    if let Some(alone) = rules.iter().find(|r| r.kind.alone()).filter(|_| rules.len() > 1) {
        errors.push(syn::Error::new_spanned(
            &alone.name,
            format!(
                "`{}` means no rule here: remove it, or the other rules of this field (validator's \
                 derive, and modelbuild-validator's, skip the rules instead)",
                alone.name
            ),
        ));
    }
    for (i, rule) in rules.iter().enumerate() {
        // Most fields carry one rule: nothing to compare, and no name to convert.
        if !rule.kind.repeatable() && rules[..i].iter().any(|earlier| earlier.name == rule.name) {
            errors.push(syn::Error::new_spanned(
                &rule.name,
                format!(
                    "duplicate rule `{}` on this field; give each rule once",
                    rule.name
                ),
            ));
        }
        self::rules(rule.kind.inner(), None, None, errors);
        if !rule.complete {
            continue;
        }
        rule.kind.check(&rule.name, errors);
        rule.kind.check_fields(&rule.name, field, errors);
        if let Some(message) = &rule.message {
            if let Some(params) = rule.kind.params() {
                check_template(&rule.name, message, &params, errors);
            }
        }
        if let Some(problem) = kind.and_then(|kind| type_mismatch(rule, kind)) {
            errors.push(syn::Error::new_spanned(&rule.name, problem));
        }
    }
}

/// Every `{name}` in a `message` template names a parameter the rule gives, and every
/// other brace is doubled.
fn check_template(rule: &syn::Ident, message: &syn::LitStr, params: &[&str], errors: &mut Vec<syn::Error>) {
    let text = message.value();
    let mut rest = text.as_str();
    let problem = loop {
        let Some(at) = rest.find(['{', '}']) else {
            return;
        };
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            break "an unmatched `}` in the message; write `}}` for a brace".to_owned();
        }
        let Some(end) = tail.find('}') else {
            break "an unclosed `{` in the message; write `{{` for a brace".to_owned();
        };
        let name = &tail[1..end];
        if !params.contains(&name) {
            let given = match params {
                [] => "none".to_owned(),
                names => names
                    .iter()
                    .map(|n| format!("`{{{n}}}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            break format!(
                "`{{{name}}}` is no parameter of this `{rule}`; it gives {given} (write `{{{{` for a brace)"
            );
        }
        rest = &tail[end + 1..];
    };
    errors.push(syn::Error::new_spanned(message, problem));
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
