//! Attributes -> a model of the container, its fields and their rules.
//!
//! Parsing never stops at the first mistake: each one is pushed to `errors`, the
//! tokens of the broken item are skipped, and parsing goes on with the next item.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, DeriveInput, Ident, LitStr, Member, Type};

use crate::args::{guard, skip_rest, Common};
use crate::rules::{self, Rule};
use crate::suggest::did_you_mean;

pub struct Container<'a> {
    pub input: &'a DeriveInput,
    pub customs: Vec<Rule>,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Struct(Fields<'a>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub fields: Fields<'a>,
}

pub enum Fields<'a> {
    Named(Vec<Field<'a>>),
    Unnamed(Vec<Field<'a>>),
    Unit,
}

impl<'a> Fields<'a> {
    pub fn all(&self) -> &[Field<'a>] {
        match self {
            Fields::Named(fields) | Fields::Unnamed(fields) => fields,
            Fields::Unit => &[],
        }
    }
}

impl Field<'_> {
    /// The field's name in Rust, or its position in a tuple.
    pub fn member_name(&self) -> String {
        match &self.member {
            Member::Named(ident) => ident.to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    /// The name in error paths: the field's name, its position, or `rename`.
    pub path_name: String,
    pub rules: Vec<Rule>,
}

/// The rule names for messages: "sid, length, ..., each".
fn rule_names() -> String {
    rules::names().collect::<Vec<_>>().join(", ")
}

pub fn container<'a>(input: &'a DeriveInput, errors: &mut Vec<syn::Error>) -> Option<Container<'a>> {
    let customs = container_rules(&input.attrs, errors);
    let shape = match &input.data {
        syn::Data::Struct(data) => Shape::Struct(fields(&data.fields, errors)),
        syn::Data::Enum(data) => Shape::Enum(
            data.variants
                .iter()
                .map(|variant| {
                    reject_attrs(&variant.attrs, "a variant", errors);
                    Variant {
                        ident: &variant.ident,
                        fields: fields(&variant.fields, errors),
                    }
                })
                .collect(),
        ),
        syn::Data::Union(data) => {
            errors.push(syn::Error::new_spanned(
                data.union_token,
                "`Validate` cannot be derived for a union: which field is set is unknown",
            ));
            return None;
        }
    };
    Some(Container {
        input,
        customs,
        shape,
    })
}

fn validate_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("validate"))
}

fn reject_attrs(attrs: &[Attribute], place: &str, errors: &mut Vec<syn::Error>) {
    for attr in validate_attrs(attrs) {
        errors.push(syn::Error::new_spanned(
            attr,
            format!("`#[validate]` on {place} takes nothing: put the rules on its fields"),
        ));
    }
}

/// `#[validate(custom = f)]` on the type itself: a check of the whole value.
fn container_rules(attrs: &[Attribute], errors: &mut Vec<syn::Error>) -> Vec<Rule> {
    let mut rules = Vec::new();
    for attr in validate_attrs(attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(name) = rule_name(&meta, errors) else {
                return Ok(());
            };
            if name == "custom" {
                guard(&meta, errors, |meta, errors| {
                    rules.extend(rule(name.clone(), meta, errors)?);
                    Ok(())
                });
            } else {
                errors.push(syn::Error::new_spanned(
                    &meta.path,
                    format!("unknown attribute `{name}` on a type; only `custom = path::to_fn` checks the whole value"),
                ));
                skip_rest(meta.input);
            }
            Ok(())
        });
        errors.extend(parsed.err());
    }
    rules
}

fn fields<'a>(fields: &'a syn::Fields, errors: &mut Vec<syn::Error>) -> Fields<'a> {
    let mut parsed = || {
        fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let member = match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(index.into()),
                };
                let default_name = match &field.ident {
                    Some(ident) => ident.to_string().trim_start_matches("r#").to_owned(),
                    None => index.to_string(),
                };
                field_rules(field, member, default_name, errors)
            })
            .collect::<Vec<_>>()
    };
    match fields {
        syn::Fields::Named(_) => Fields::Named(parsed()),
        syn::Fields::Unnamed(_) => Fields::Unnamed(parsed()),
        syn::Fields::Unit => Fields::Unit,
    }
}

fn field_rules<'a>(
    field: &'a syn::Field,
    member: Member,
    default_name: String,
    errors: &mut Vec<syn::Error>,
) -> Field<'a> {
    let mut rules = Vec::new();
    let mut rename: Option<LitStr> = None;
    for attr in validate_attrs(&field.attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(name) = rule_name(&meta, errors) else {
                return Ok(());
            };
            guard(&meta, errors, |meta, errors| {
                if name == "rename" {
                    if rename.is_some() {
                        return Err(meta.error("duplicate `rename`"));
                    }
                    rename = Some(meta.value()?.parse()?);
                } else {
                    rules.extend(rule(name.clone(), meta, errors)?);
                }
                Ok(())
            });
            Ok(())
        });
        errors.extend(parsed.err());
    }
    Field {
        member,
        ty: &field.ty,
        path_name: rename.map_or(default_name, |lit| lit.value()),
        rules,
    }
}

/// The item's name; a path that is not a plain name is reported, and the item
/// skipped, so the items after it are still read.
pub fn rule_name(meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> Option<Ident> {
    let name = meta.path.get_ident().cloned();
    if name.is_none() {
        errors.push(syn::Error::new_spanned(
            &meta.path,
            format!("expected a rule: one of {}", rule_names()),
        ));
        skip_rest(meta.input);
    }
    name
}

/// One rule: its name looked up in the registry, its arguments read by the rule.
///
/// When one of its arguments was reported, what is missing because of that mistake is
/// not reported again: `sid(prefx = "UG")` is not also told it has no prefix (the rule
/// is left out), and `length(maximum = 5)` is not told it has no bound (the rule is
/// kept, marked incomplete, so the rules inside an `each` are still checked).
pub fn rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Option<Rule>> {
    let key = name.to_string();
    let Some(parse) = rules::find(&key) else {
        let names = rule_names();
        let hint = meaning(&key).unwrap_or_else(|| did_you_mean(&key, rules::names().chain(["rename"])));
        return Err(syn::Error::new_spanned(
            &name,
            format!("unknown rule `{key}`;{hint} expected one of {names}, or `rename`"),
        ));
    };
    let reported = errors.len();
    let mut common = Common::default();
    let parsed = parse(&name, meta, errors, &mut common);
    let complete = errors.len() == reported;
    let kind = match parsed {
        Ok(kind) => kind,
        Err(_) if !complete => return Ok(None),
        Err(error) => return Err(error),
    };
    Ok(Some(Rule {
        name,
        code: common.code,
        message: common.message,
        kind,
        complete,
    }))
}

/// ` did you mean ...?` for the names other validation crates give our rules.
fn meaning(name: &str) -> Option<String> {
    let ours = match name {
        "regex" => "`pattern`",
        "dive" => "`nested` (or `each(nested)` for the elements of a collection)",
        "inner" => "`each` (rules for every element)",
        "matches" | "must_equal" | "equals" => "`must_match`",
        "not_contains" | "contains_not" => "`does_not_contain`",
        "starts_with" => "`prefix`",
        "ends_with" => "`suffix`",
        "min_length" | "max_length" | "len" | "byte_length" => "`length`",
        "phone_number" | "e164" => "`phone`",
        "creditcard" | "card" => "`credit_card`",
        "ip_address" => "`ip`",
        "non_control_char" | "no_control_characters" => "`non_control_character`",
        "uri_reference" => "`uri` (an absolute URI)",
        "optional" | "present" => "`required`",
        "validate" | "function" => "`custom`",
        _ => return None,
    };
    Some(format!(" did you mean {ours}?"))
}
