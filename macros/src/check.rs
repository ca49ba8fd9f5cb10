//! Semantic checks on the parsed model: what parses but cannot be right. Every problem
//! is collected with the span of the token at fault.

use std::collections::HashSet;

use syn::{Expr, Lit, LitStr, Type, UnOp};

use crate::parse::{Container, Field, RangeArgs, Rule, RuleKind, Shape};

pub fn container(container: &Container, errors: &mut Vec<syn::Error>) {
    let fields: Vec<&Field> = match &container.shape {
        Shape::Struct(fields) => fields.all().iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
    };
    for field in fields {
        check_field(field, errors);
    }
}

fn check_field(field: &Field, errors: &mut Vec<syn::Error>) {
    check_rules(&field.rules, TypeKind::of(field.ty), errors);
}

/// `kind` is what the rules apply to, when its spelling tells; inside `each` it is the
/// element, which is not looked for.
fn check_rules(rules: &[Rule], kind: Option<TypeKind>, errors: &mut Vec<syn::Error>) {
    let mut seen = HashSet::new();
    for rule in rules {
        let name = rule.name.to_string();
        if rule.kind.is_unique() && !seen.insert(name.clone()) {
            errors.push(syn::Error::new_spanned(
                &rule.name,
                format!("duplicate rule `{name}` on this field; give each rule once"),
            ));
        }
        check_rule(rule, errors);
        if let Some(problem) = kind.and_then(|kind| type_mismatch(&rule.kind, kind)) {
            errors.push(syn::Error::new_spanned(&rule.name, problem));
        }
    }
}

fn check_rule(rule: &Rule, errors: &mut Vec<syn::Error>) {
    match &rule.kind {
        RuleKind::Sid { prefix } => check_prefix(prefix, errors),
        RuleKind::Length(length) => {
            if length.min.is_none() && length.max.is_none() && length.equal.is_none() {
                errors.push(syn::Error::new_spanned(
                    &rule.name,
                    "`length` needs `min`, `max` or `equal`",
                ));
            }
            if let Some(equal) = &length.equal {
                if length.min.is_some() || length.max.is_some() {
                    errors.push(syn::Error::new_spanned(
                        equal,
                        "`equal` cannot be combined with `min` or `max`",
                    ));
                }
            }
            check_order(length.min.as_ref(), length.max.as_ref(), "min", "max", errors);
            for bound in [&length.min, &length.max, &length.equal].into_iter().flatten() {
                if literal_number(bound).is_some_and(|n| n < 0.0) {
                    errors.push(syn::Error::new_spanned(bound, "a length cannot be negative"));
                }
            }
        }
        RuleKind::Uri { schemes } => check_schemes(schemes, errors),
        RuleKind::Pattern { regex } => check_regex(&rule.name, regex, errors),
        RuleKind::Range(range) => check_range(rule, range, errors),
        RuleKind::Each(rules) => check_rules(rules, None, errors),
        RuleKind::Required | RuleKind::Nested | RuleKind::Custom { .. } => {}
    }
}

#[cfg(feature = "pattern")]
fn check_regex(_rule: &syn::Ident, regex: &LitStr, errors: &mut Vec<syn::Error>) {
    if let Err(error) = regex_syntax::Parser::new().parse(&regex.value()) {
        errors.push(syn::Error::new_spanned(regex, format!("invalid regex: {error}")));
    }
}

/// modelbuild forwards its `pattern` feature here; without it there is no regex engine
/// at run time, so the rule cannot be honoured.
#[cfg(not(feature = "pattern"))]
fn check_regex(rule: &syn::Ident, _regex: &LitStr, errors: &mut Vec<syn::Error>) {
    errors.push(syn::Error::new_spanned(
        rule,
        "`pattern` needs modelbuild's `pattern` feature, which is on by default: \
         modelbuild = { version = \"0.1\", features = [\"pattern\"] }",
    ));
}

fn check_prefix(prefix: &LitStr, errors: &mut Vec<syn::Error>) {
    let value = prefix.value();
    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(syn::Error::new_spanned(
            prefix,
            format!("a SID prefix is two uppercase ASCII letters, such as \"UG\"; found {value:?}"),
        ));
    }
}

fn check_schemes(schemes: &[LitStr], errors: &mut Vec<syn::Error>) {
    let mut seen = HashSet::new();
    for scheme in schemes {
        let value = scheme.value();
        let bytes = value.as_bytes();
        let valid = bytes.first().is_some_and(u8::is_ascii_alphabetic)
            && bytes
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
        if !valid {
            errors.push(syn::Error::new_spanned(
                scheme,
                format!("{value:?} is not a URI scheme: a letter, then letters, digits, `+`, `-` or `.`"),
            ));
        } else if !seen.insert(value.to_ascii_lowercase()) {
            errors.push(syn::Error::new_spanned(
                scheme,
                format!("duplicate scheme {value:?}"),
            ));
        }
    }
}

fn check_range(rule: &Rule, range: &RangeArgs, errors: &mut Vec<syn::Error>) {
    let bounds = [&range.min, &range.max, &range.exclusive_min, &range.exclusive_max];
    if bounds.iter().all(|b| b.is_none()) {
        errors.push(syn::Error::new_spanned(
            &rule.name,
            "`range` needs `min`, `max`, `exclusive_min` or `exclusive_max`",
        ));
    }
    for (inclusive, exclusive, side) in [
        (&range.min, &range.exclusive_min, "lower"),
        (&range.max, &range.exclusive_max, "upper"),
    ] {
        if let (Some(_), Some(exclusive)) = (inclusive, exclusive) {
            errors.push(syn::Error::new_spanned(
                exclusive,
                format!("give one {side} bound: inclusive or exclusive, not both"),
            ));
        }
    }
    let lower = range
        .min
        .as_ref()
        .map(|e| ("min", e))
        .or(range.exclusive_min.as_ref().map(|e| ("exclusive_min", e)));
    let upper = range
        .max
        .as_ref()
        .map(|e| ("max", e))
        .or(range.exclusive_max.as_ref().map(|e| ("exclusive_max", e)));
    if let (Some((low_name, low)), Some((high_name, high))) = (lower, upper) {
        check_order(Some(low), Some(high), low_name, high_name, errors);
    }
}

/// Reports `low > high` when both are number literals.
fn check_order(
    low: Option<&Expr>,
    high: Option<&Expr>,
    low_name: &str,
    high_name: &str,
    errors: &mut Vec<syn::Error>,
) {
    let (Some(low), Some(high)) = (low, high) else {
        return;
    };
    if let (Some(a), Some(b)) = (literal_number(low), literal_number(high)) {
        if a > b {
            errors.push(syn::Error::new_spanned(
                low,
                format!("`{low_name}` is greater than `{high_name}`: no value can pass"),
            ));
        }
    }
}

/// The value of an integer or float literal, possibly negated. `emit` uses it too: a
/// bound whose value is known here has text that cannot change between calls.
pub(crate) fn literal_number(expr: &Expr) -> Option<f64> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_digits().parse().ok(),
            Lit::Float(float) => float.base10_digits().parse().ok(),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => literal_number(&unary.expr).map(|n| -n),
        Expr::Group(group) => literal_number(&group.expr),
        Expr::Paren(paren) => literal_number(&paren.expr),
        _ => None,
    }
}

/// What the field's type is, as far as its spelling tells. Only std's own names are
/// recognised, and only to report a rule that can never apply earlier and more clearly
/// than the trait error would; anything else is left to the compiler's trait checks.
#[derive(Clone, Copy, PartialEq)]
enum Base {
    Text,
    Number,
    Other(&'static str),
    Collection,
}

#[derive(Clone, Copy)]
struct TypeKind {
    base: Base,
    optional: bool,
}

impl TypeKind {
    fn of(ty: &Type) -> Option<TypeKind> {
        let mut optional = false;
        let mut ty = ty;
        loop {
            match ty {
                Type::Reference(reference) => ty = &reference.elem,
                Type::Paren(paren) => ty = &paren.elem,
                Type::Group(group) => ty = &group.elem,
                Type::Slice(_) | Type::Array(_) => {
                    return Some(TypeKind {
                        base: Base::Collection,
                        optional,
                    })
                }
                Type::Path(path) if path.qself.is_none() => {
                    let last = path.path.segments.last()?;
                    let name = last.ident.to_string();
                    let base = match name.as_str() {
                        "Option" | "Box" | "Rc" | "Arc" => {
                            optional |= name == "Option";
                            ty = single_type_argument(&last.arguments)?;
                            continue;
                        }
                        "String" | "str" => Base::Text,
                        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                        | "u128" | "usize" | "f32" | "f64" => Base::Number,
                        "bool" => Base::Other("bool"),
                        "char" => Base::Other("char"),
                        "Vec" | "VecDeque" | "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" => {
                            Base::Collection
                        }
                        _ => return None,
                    };
                    return Some(TypeKind { base, optional });
                }
                _ => return None,
            }
        }
    }
}

fn single_type_argument(arguments: &syn::PathArguments) -> Option<&Type> {
    match arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match args.args.first()? {
            syn::GenericArgument::Type(ty) => Some(ty),
            _ => None,
        },
        _ => None,
    }
}

fn type_mismatch(rule: &RuleKind, kind: TypeKind) -> Option<String> {
    let what = match kind.base {
        Base::Text => "a string",
        Base::Number => "a number",
        Base::Collection => "a collection",
        Base::Other(name) => name,
    };
    let (name, fits) = match rule {
        RuleKind::Sid { .. } => ("sid", kind.base == Base::Text),
        RuleKind::Uri { .. } => ("uri", kind.base == Base::Text),
        RuleKind::Pattern { .. } => ("pattern", kind.base == Base::Text),
        RuleKind::Length(length) if length.unit.is_some() => ("length(unit = ..)", kind.base == Base::Text),
        RuleKind::Length(_) => ("length", matches!(kind.base, Base::Text | Base::Collection)),
        RuleKind::Range(_) => ("range", kind.base == Base::Number),
        RuleKind::Nested => ("nested", kind.base == Base::Collection),
        RuleKind::Each(_) => ("each", kind.base == Base::Collection),
        RuleKind::Required => {
            return (!kind.optional)
                .then(|| "`required` needs an `Option`: this field is always present".to_owned());
        }
        RuleKind::Custom { .. } => return None,
    };
    let needs = match name {
        "length" => "a string or a collection",
        "range" => "a number",
        "nested" => "a type that implements `Validate`",
        "each" => "a collection",
        _ => "a string",
    };
    (!fits).then(|| format!("`{name}` applies to {needs}, but this field is {what}"))
}
