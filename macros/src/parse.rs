//! Attributes -> a model of the container, its fields and their rules.
//!
//! Parsing never stops at the first mistake: each one is pushed to `errors`, the
//! tokens of the broken item are skipped, and parsing goes on with the next item.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, DeriveInput, Expr, Ident, LitStr, Member, Token, Type};

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

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    /// The name in error paths: the field's name, its position, or `rename`.
    pub path_name: String,
    pub rules: Vec<Rule>,
}

pub struct Rule {
    /// The rule's name as written, for spans.
    pub name: Ident,
    pub kind: RuleKind,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
}

pub enum RuleKind {
    Sid {
        prefix: LitStr,
    },
    Length(LengthArgs),
    Uri {
        schemes: Vec<LitStr>,
    },
    Pattern {
        regex: LitStr,
    },
    Range(RangeArgs),
    Required,
    Nested,
    Custom {
        function: syn::Path,
    },
    /// Rules for every element of a collection (every value of a map).
    Each(Vec<Rule>),
}

impl RuleKind {
    /// Rules that may appear once per field; `custom` may appear many times.
    pub fn is_unique(&self) -> bool {
        !matches!(self, RuleKind::Custom { .. })
    }
}

#[derive(Default)]
pub struct LengthArgs {
    pub min: Option<Expr>,
    pub max: Option<Expr>,
    pub equal: Option<Expr>,
    pub unit: Option<(LengthUnit, LitStr)>,
}

#[derive(Clone, Copy, PartialEq)]
pub enum LengthUnit {
    Chars,
    Bytes,
    Utf16,
}

#[derive(Default)]
pub struct RangeArgs {
    pub min: Option<Expr>,
    pub max: Option<Expr>,
    pub exclusive_min: Option<Expr>,
    pub exclusive_max: Option<Expr>,
}

pub const RULE_NAMES: &str = "sid, length, uri, pattern, range, required, nested, custom, each";

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
                    rules.push(custom_rule(name.clone(), meta, errors)?);
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
                    rules.push(rule(name.clone(), meta, errors)?);
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
fn rule_name(meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> Option<Ident> {
    let name = meta.path.get_ident().cloned();
    if name.is_none() {
        errors.push(syn::Error::new_spanned(
            &meta.path,
            format!("expected a rule: one of {RULE_NAMES}"),
        ));
        skip_rest(meta.input);
    }
    name
}

/// Runs `parse` on one item; on error, records it and skips the rest of the item so
/// that the items after it are still read.
fn guard(
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    parse: impl FnOnce(&ParseNestedMeta, &mut Vec<syn::Error>) -> syn::Result<()>,
) {
    if let Err(error) = parse(meta, errors) {
        errors.push(error);
        skip_rest(meta.input);
    }
}

/// Skips tokens up to the next top-level `,`.
fn skip_rest(input: ParseStream) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

fn rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    let key = name.to_string();
    match key.as_str() {
        "sid" => sid_rule(name, meta, errors),
        "length" => length_rule(name, meta, errors),
        "uri" => uri_rule(name, meta, errors),
        "pattern" => pattern_rule(name, meta, errors),
        "range" => range_rule(name, meta, errors),
        "required" => flag_rule(name, RuleKind::Required, meta, errors),
        "nested" => {
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                return Err(syn::Error::new_spanned(&name, "`nested` takes no arguments"));
            }
            Ok(bare(name, RuleKind::Nested))
        }
        "custom" => custom_rule(name, meta, errors),
        "each" => each_rule(name, meta, errors),
        _ => Err(syn::Error::new_spanned(
            &name,
            format!(
                "unknown rule `{key}`;{} expected one of {RULE_NAMES}, or `rename`",
                did_you_mean(&key, RULE_NAMES.split(", ").chain(["rename"]))
            ),
        )),
    }
}

fn bare(name: Ident, kind: RuleKind) -> Rule {
    Rule {
        name,
        kind,
        code: None,
        message: None,
    }
}

/// The `code = "..."` and `message = "..."` any rule takes, read once each.
#[derive(Default)]
struct Common {
    code: Option<LitStr>,
    message: Option<LitStr>,
}

impl Common {
    /// Reads `code` or `message` if `arg` is one; returns whether it was.
    fn read(&mut self, arg: &ParseNestedMeta) -> syn::Result<bool> {
        let slot = if arg.path.is_ident("code") {
            &mut self.code
        } else if arg.path.is_ident("message") {
            &mut self.message
        } else {
            return Ok(false);
        };
        set_once(slot, arg, |arg| arg.value()?.parse())?;
        Ok(true)
    }

    fn into_rule(self, name: Ident, kind: RuleKind) -> Rule {
        Rule {
            name,
            kind,
            code: self.code,
            message: self.message,
        }
    }
}

fn set_once<T>(
    slot: &mut Option<T>,
    arg: &ParseNestedMeta,
    parse: impl FnOnce(&ParseNestedMeta) -> syn::Result<T>,
) -> syn::Result<()> {
    if slot.is_some() {
        let key = arg.path.get_ident().map(Ident::to_string).unwrap_or_default();
        return Err(syn::Error::new_spanned(&arg.path, format!("duplicate `{key}`")));
    }
    *slot = Some(parse(arg)?);
    Ok(())
}

/// Reads `rule(key = value, ...)`, handing each key to `read`, which returns `false`
/// for keys it does not know. Each bad key is reported and skipped.
fn args(
    rule: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
    known: &str,
    mut read: impl FnMut(&ParseNestedMeta) -> syn::Result<bool>,
) -> syn::Result<()> {
    if has_empty_parens(meta) {
        // `length()`: nothing to read; `check` says what the rule is missing.
        let _empty;
        syn::parenthesized!(_empty in meta.input);
        return Ok(());
    }
    meta.parse_nested_meta(|arg| {
        guard(&arg, errors, |arg, _| {
            if common.read(arg)? || read(arg)? {
                return Ok(());
            }
            Err(syn::Error::new_spanned(
                &arg.path,
                format!(
                    "unknown key in `{rule}`;{} expected {known}",
                    did_you_mean(
                        &arg.path.get_ident().map(Ident::to_string).unwrap_or_default(),
                        backticked(known)
                    )
                ),
            ))
        });
        Ok(())
    })
}

/// A `read` for [`args`] that fills whichever of `slots` the key names, parsing the
/// value as `T`; each key may be given once.
fn slots<'s, T: syn::parse::Parse, const N: usize>(
    mut slots: [(&'static str, &'s mut Option<T>); N],
) -> impl FnMut(&ParseNestedMeta) -> syn::Result<bool> + 's {
    move |arg| {
        let Some((_, slot)) = slots.iter_mut().find(|(key, _)| arg.path.is_ident(key)) else {
            return Ok(false);
        };
        set_once(slot, arg, |arg| arg.value()?.parse())?;
        Ok(true)
    }
}

fn has_empty_parens(meta: &ParseNestedMeta) -> bool {
    let fork = meta.input.fork();
    let group = || -> syn::Result<bool> {
        let content;
        syn::parenthesized!(content in fork);
        Ok(content.is_empty())
    };
    group().unwrap_or(false)
}

fn has_args(meta: &ParseNestedMeta) -> bool {
    meta.input.peek(syn::token::Paren)
}

fn sid_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    if !has_args(meta) {
        return Err(syn::Error::new_spanned(
            &name,
            "`sid` needs a prefix: `sid(prefix = \"UG\")`",
        ));
    }
    let mut common = Common::default();
    let mut prefix = None;
    args(
        &name,
        meta,
        errors,
        &mut common,
        "`prefix`, `code` or `message`",
        slots([("prefix", &mut prefix)]),
    )?;
    let prefix = prefix
        .ok_or_else(|| syn::Error::new_spanned(&name, "`sid` needs a prefix: `sid(prefix = \"UG\")`"))?;
    Ok(common.into_rule(name, RuleKind::Sid { prefix }))
}

fn length_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    if !has_args(meta) {
        return Err(syn::Error::new_spanned(
            &name,
            "`length` needs bounds: `length(min = 1, max = 64)` or `length(equal = 34)`",
        ));
    }
    let mut common = Common::default();
    let mut length = LengthArgs::default();
    let mut unit = None;
    {
        let mut bounds = slots([
            ("min", &mut length.min),
            ("max", &mut length.max),
            ("equal", &mut length.equal),
        ]);
        args(
            &name,
            meta,
            errors,
            &mut common,
            "`min`, `max`, `equal`, `unit`, `code` or `message`",
            |arg| {
                if arg.path.is_ident("unit") {
                    set_once(&mut unit, arg, parse_unit)?;
                    return Ok(true);
                }
                bounds(arg)
            },
        )?;
    }
    length.unit = unit;
    Ok(common.into_rule(name, RuleKind::Length(length)))
}

fn parse_unit(arg: &ParseNestedMeta) -> syn::Result<(LengthUnit, LitStr)> {
    let lit: LitStr = arg.value()?.parse()?;
    let unit = match lit.value().as_str() {
        "chars" => LengthUnit::Chars,
        "bytes" => LengthUnit::Bytes,
        "utf16" => LengthUnit::Utf16,
        other => {
            return Err(syn::Error::new_spanned(
                &lit,
                format!("unknown length unit \"{other}\"; expected \"chars\", \"bytes\" or \"utf16\""),
            ))
        }
    };
    Ok((unit, lit))
}

fn uri_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    let mut common = Common::default();
    let mut schemes: Option<Vec<LitStr>> = None;
    if has_args(meta) {
        args(
            &name,
            meta,
            errors,
            &mut common,
            "`schemes`, `code` or `message`",
            |arg| {
                if !arg.path.is_ident("schemes") {
                    return Ok(false);
                }
                set_once(&mut schemes, arg, |arg| {
                    let value = arg.value()?;
                    let content;
                    syn::bracketed!(content in value);
                    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
                    Ok(list.into_iter().collect())
                })?;
                Ok(true)
            },
        )?;
    } else {
        reject_value(&name, meta)?;
    }
    Ok(common.into_rule(
        name,
        RuleKind::Uri {
            schemes: schemes.unwrap_or_default(),
        },
    ))
}

/// `pattern = "..."` or `pattern(regex = "...", message = "...")`.
fn pattern_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    let mut common = Common::default();
    let mut regex = None;
    if has_args(meta) {
        args(
            &name,
            meta,
            errors,
            &mut common,
            "`regex`, `code` or `message`",
            slots([("regex", &mut regex)]),
        )?;
    } else if meta.input.peek(Token![=]) {
        regex = Some(meta.value()?.parse()?);
    }
    let regex = regex
        .ok_or_else(|| syn::Error::new_spanned(&name, "`pattern` needs a regex: `pattern = \"^[a-z]+$\"`"))?;
    Ok(common.into_rule(name, RuleKind::Pattern { regex }))
}

fn range_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    if !has_args(meta) {
        return Err(syn::Error::new_spanned(
            &name,
            "`range` needs bounds: `range(min = 1, max = 1000)`",
        ));
    }
    let mut common = Common::default();
    let mut range = RangeArgs::default();
    args(
        &name,
        meta,
        errors,
        &mut common,
        "`min`, `max`, `exclusive_min`, `exclusive_max`, `code` or `message`",
        slots([
            ("min", &mut range.min),
            ("max", &mut range.max),
            ("exclusive_min", &mut range.exclusive_min),
            ("exclusive_max", &mut range.exclusive_max),
        ]),
    )?;
    Ok(common.into_rule(name, RuleKind::Range(range)))
}

/// A rule with no arguments of its own: `required` or `required(message = "...")`.
fn flag_rule(
    name: Ident,
    kind: RuleKind,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Rule> {
    let mut common = Common::default();
    if has_args(meta) {
        args(&name, meta, errors, &mut common, "`code` or `message`", |_| {
            Ok(false)
        })?;
    } else {
        reject_value(&name, meta)?;
    }
    Ok(common.into_rule(name, kind))
}

fn reject_value(name: &Ident, meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let eq: Token![=] = meta.input.parse()?;
        return Err(syn::Error::new_spanned(
            eq,
            format!("`{name}` takes no value; its options go in parentheses"),
        ));
    }
    Ok(())
}

/// `each(rule, ...)`: the rules inside apply to every element.
fn each_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    let needs = "`each` needs the rules for every element: `each(sid(prefix = \"UG\"))`";
    if !has_args(meta) || has_empty_parens(meta) {
        return Err(syn::Error::new_spanned(&name, needs));
    }
    let mut rules = Vec::new();
    meta.parse_nested_meta(|inner| {
        let Some(inner_name) = rule_name(&inner, errors) else {
            return Ok(());
        };
        guard(&inner, errors, |inner, errors| {
            if inner_name == "rename" {
                return Err(syn::Error::new_spanned(
                    &inner_name,
                    "`rename` names the field: put it beside `each`",
                ));
            }
            rules.push(rule(inner_name.clone(), inner, errors)?);
            Ok(())
        });
        Ok(())
    })?;
    Ok(bare(name, RuleKind::Each(rules)))
}

/// `custom = path::to_fn` or `custom(function = path::to_fn, code = "...", message = "...")`.
fn custom_rule(name: Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Rule> {
    let mut common = Common::default();
    let mut function = None;
    if has_args(meta) {
        args(
            &name,
            meta,
            errors,
            &mut common,
            "`function`, `code` or `message`",
            slots([("function", &mut function)]),
        )?;
    } else if meta.input.peek(Token![=]) {
        function = Some(meta.value()?.parse()?);
    }
    let function = function
        .ok_or_else(|| syn::Error::new_spanned(&name, "`custom` needs a function: `custom = path::to_fn`"))?;
    Ok(common.into_rule(name, RuleKind::Custom { function }))
}

/// ` did you mean `length`?` when `found` is a near miss of one of `names`: at most
/// two edits away, as typos are.
fn did_you_mean<'a>(found: &str, names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|name| (edit_distance(found, name), name))
        .filter(|&(distance, _)| distance <= 2)
        .min()
        .map_or_else(String::new, |(_, name)| format!(" did you mean `{name}`?"))
}

/// The words in backticks of a "`min`, `max` or `code`" list.
fn backticked(list: &str) -> impl Iterator<Item = &str> {
    list.split('`').skip(1).step_by(2)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
