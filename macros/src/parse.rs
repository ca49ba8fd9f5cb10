//! Attributes -> a model of the container, its fields and their rules.
//!
//! Parsing never stops at the first mistake: each one is pushed to `errors`, the
//! tokens of the broken item are skipped, and parsing goes on with the next item.

use proc_macro2::TokenTree;
use syn::{Attribute, Ident, LitStr, Member, Type};

use crate::args::{guard, skip_rest};
use crate::input::{self, Data, Input};
use crate::rules::{rule, rule_name};
use crate::serde_attrs::{self, Case, ContainerAttrs, Tagging};
use crate::toolkit::{Place, Rule};

pub struct Container<'a> {
    pub input: &'a Input,
    /// `custom` rules on the whole value.
    pub customs: Vec<Rule>,
    /// `context = Type`: what the custom rules receive and `nested` passes down.
    pub context: Option<Type>,
    /// The lifetimes the context names that the type does not declare (validator's
    /// `context = "Arg<'v_a>"`): parameters of the impls that take the context.
    pub context_lifetimes: Vec<syn::Lifetime>,
    /// `#[validate(async)]`, at its token: validated with `validate_async` though no rule
    /// of its own is async, because a value it nests has async rules.
    pub asynchronous: Option<Ident>,
    pub shape: Shape<'a>,
}

impl Container<'_> {
    /// Whether the type is validated with `validate_async`: it is marked `async`, or one
    /// of its rules (on a field, inside `each` or `keys`, or on the type) is async.
    pub fn is_async(&self) -> bool {
        let fields: Vec<&Field> = match &self.shape {
            Shape::Struct(fields) => fields.all().iter().collect(),
            Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
        };
        self.asynchronous.is_some()
            || self.customs.iter().any(|rule| rule.kind.is_async())
            || fields
                .iter()
                .any(|field| field.rules.iter().any(|rule| rule.kind.holds_async()))
    }
}

pub enum Shape<'a> {
    Struct(Fields<'a>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub fields: Fields<'a>,
    /// The name between the enum's path and its fields' on the wire: the variant's
    /// name when externally tagged, the content's key when adjacently tagged; none
    /// when internally tagged or untagged. No serde layout puts more than one there.
    pub base: Option<String>,
    /// How schemars lays the variant out, to find its schema; `None` when it is not
    /// in the schema (skipped) or cannot be told apart (an `untagged` variant of a
    /// tagged enum).
    pub layout: Option<Layout>,
}

/// A variant's place in the enum's schema.
pub enum Layout {
    External {
        name: String,
    },
    Internal {
        tag: String,
        name: String,
    },
    Adjacent {
        tag: String,
        content: String,
        name: String,
    },
    /// The position among the variants serde reads.
    Untagged {
        index: usize,
    },
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

    /// The field's name in messages: its wire name when it has one.
    pub fn path_name(&self) -> String {
        match &self.place {
            Place::Field(name) => name.clone(),
            Place::Index(_) | Place::Here => self.member_name(),
        }
    }
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a [TokenTree],
    /// Where errors of this field are: by its wire name, or `rename`.
    pub place: Place,
    pub rules: Vec<Rule>,
}

pub fn container<'a>(input: &'a Input, errors: &mut Vec<syn::Error>) -> Option<Container<'a>> {
    let TypeAttrs {
        rules: customs,
        context,
        asynchronous,
        nest_all_fields,
    } = container_rules(&input.attrs, errors);
    let serde = serde_attrs::container(&input.attrs);
    let shape = match &input.data {
        Data::Struct(data) => Shape::Struct(fields(data, serde.rename_all, serde.transparent, errors)),
        Data::Enum(variants) => Shape::Enum(
            variants
                .iter()
                .scan(0, |read, variant| {
                    reject_attrs(&variant.attrs, "a variant", errors);
                    Some(variant_model(variant, &serde, read, errors))
                })
                .collect(),
        ),
        Data::Union(union) => {
            errors.push(syn::Error::new_spanned(
                union,
                "`Validate` cannot be derived for a union: which field is set is unknown",
            ));
            return None;
        }
    };
    let mut shape = shape;
    if nest_all_fields {
        nest_all(&mut shape);
    }
    let context_lifetimes = context
        .as_ref()
        .map(|context| undeclared_lifetimes(context, &input.generics))
        .unwrap_or_default();
    Some(Container {
        input,
        customs,
        context,
        context_lifetimes,
        asynchronous,
        shape,
    })
}

/// validator's `nest_all_fields`: `nested` on every field that is not skipped and has
/// none yet.
fn nest_all(shape: &mut Shape) {
    let groups: Vec<&mut Fields> = match shape {
        Shape::Struct(fields) => vec![fields],
        Shape::Enum(variants) => variants.iter_mut().map(|variant| &mut variant.fields).collect(),
    };
    for fields in groups {
        if let Fields::Named(fields) | Fields::Unnamed(fields) = fields {
            for field in fields.iter_mut() {
                let skipped = field.rules.iter().any(|rule| rule.kind.alone());
                let nested = field.rules.iter().any(|rule| rule.name == "nested");
                if !skipped && !nested {
                    field.rules.push(crate::rules::nested_rule());
                }
            }
        }
    }
}

/// The lifetimes `ty` names that `generics` does not declare (nor `'static`).
fn undeclared_lifetimes(ty: &Type, generics: &syn::Generics) -> Vec<syn::Lifetime> {
    fn walk(tokens: proc_macro2::TokenStream, found: &mut Vec<syn::Lifetime>) {
        let mut trees = tokens.into_iter().peekable();
        while let Some(tree) = trees.next() {
            match tree {
                TokenTree::Punct(quote) if quote.as_char() == '\'' => {
                    if let Some(TokenTree::Ident(name)) = trees.next() {
                        let lifetime = syn::Lifetime::new(&format!("'{name}"), quote.span());
                        if !found.contains(&lifetime) {
                            found.push(lifetime);
                        }
                    }
                }
                TokenTree::Group(group) => walk(group.stream(), found),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    walk(quote::ToTokens::to_token_stream(ty), &mut found);
    let declared: Vec<&syn::Lifetime> = generics.lifetimes().map(|param| &param.lifetime).collect();
    found.retain(|lifetime| {
        lifetime.ident != "static" && lifetime.ident != "_" && !declared.contains(&lifetime)
    });
    found
}

/// A variant, laid out as serde lays out the enum.
/// `read` counts the variants before this one that serde reads.
fn variant_model<'a>(
    variant: &'a input::Variant,
    serde: &ContainerAttrs,
    read: &mut usize,
    errors: &mut Vec<syn::Error>,
) -> Variant<'a> {
    let own = serde_attrs::variant(&variant.attrs);
    let rust = variant.ident.to_string();
    let rust = rust.trim_start_matches("r#");
    let name = match (own.rename, own.skip, serde.rename_all) {
        (Some(rename), _, _) => rename,
        (None, false, Some(case)) => case.variant(rust),
        _ => rust.to_owned(),
    };
    let tagging = if own.untagged {
        &Tagging::Untagged
    } else {
        &serde.tagging
    };
    let index = *read;
    if !own.skip {
        *read += 1;
    }
    let layout = match tagging {
        _ if own.skip => None,
        Tagging::External => Some(Layout::External { name: name.clone() }),
        Tagging::Internal { tag } => Some(Layout::Internal {
            tag: tag.clone(),
            name: name.clone(),
        }),
        Tagging::Adjacent { tag, content } => Some(Layout::Adjacent {
            tag: tag.clone(),
            content: content.clone(),
            name: name.clone(),
        }),
        Tagging::Untagged if serde.tagging == Tagging::Untagged => Some(Layout::Untagged { index }),
        Tagging::Untagged => None,
    };
    let base = match tagging {
        Tagging::External => Some(name),
        Tagging::Adjacent { content, .. } => Some(content.clone()),
        Tagging::Internal { .. } | Tagging::Untagged => None,
    };
    let case = own.rename_all.or(serde.rename_all_fields);
    Variant {
        ident: &variant.ident,
        fields: fields(&variant.fields, case, false, errors),
        base,
        layout,
    }
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

/// What `#[validate(...)]` on the type says.
#[derive(Default)]
struct TypeAttrs {
    /// `custom = f` and validator's `schema(...)`: rules on the whole value.
    rules: Vec<Rule>,
    context: Option<Type>,
    asynchronous: Option<Ident>,
    /// validator's `nest_all_fields`: `nested` on every field not skipped.
    nest_all_fields: bool,
}

/// `#[validate(custom = f)]` on the type itself, a check of the whole value (and
/// validator's `schema(function = f)`, one that runs when every field passed),
/// `#[validate(context = Type)]`, `#[validate(async)]` and validator's
/// `nest_all_fields`; validator's `mutable` and `crate` are refused, naming what is
/// done here instead.
fn container_rules(attrs: &[Attribute], errors: &mut Vec<syn::Error>) -> TypeAttrs {
    let mut found = TypeAttrs::default();
    let TypeAttrs {
        rules,
        context,
        asynchronous,
        nest_all_fields,
    } = &mut found;
    for attr in validate_attrs(attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some((name, key)) = rule_name(&meta, errors) else {
                return Ok(());
            };
            if key == "custom" {
                guard(&meta, errors, |meta, errors| {
                    rules.extend(rule(name.clone(), &key, meta, errors)?);
                    Ok(())
                });
            } else if key == "schema" {
                guard(&meta, errors, |meta, errors| {
                    rules.extend(crate::rules::schema_rule(name.clone(), meta, errors)?);
                    Ok(())
                });
            } else if key == "context" {
                guard(&meta, errors, |meta, _| {
                    if context.is_some() {
                        return Err(syn::Error::new_spanned(
                            &name,
                            "duplicate `context`; a type has one",
                        ));
                    }
                    // Bare, or quoted as validator allows: `context = "Arg<'v_a>"`.
                    let value = meta.value()?;
                    *context = Some(match value.peek(LitStr) {
                        true => value.parse::<LitStr>()?.parse()?,
                        false => value.parse()?,
                    });
                    Ok(())
                });
            } else if key == "nest_all_fields" {
                guard(&meta, errors, |meta, _| {
                    *nest_all_fields = crate::args::flag_value(meta)?;
                    Ok(())
                });
            } else if key == "mutable" || key == "crate" {
                let ours = match key.as_str() {
                    "mutable" => {
                        "validator's `mutable` context is refused here: rules share the context \
                         (`validate_with(&context)`), so keep what they change in a `Cell`, `RefCell` or \
                         `Mutex`; modelbuild-validator takes `mutable`"
                    }
                    _ => {
                        "validator's `crate = \"...\"` is refused here: the code always names \
                         `::modelbuild`, re-exported or not; modelbuild-validator takes `crate`"
                    }
                };
                errors.push(syn::Error::new_spanned(&meta.path, ours));
                skip_rest(meta.input);
            } else if key == "async" {
                guard(&meta, errors, |meta, _| {
                    crate::args::bare(&name, meta)?;
                    if asynchronous.is_some() {
                        return Err(syn::Error::new_spanned(&name, "duplicate `async`"));
                    }
                    *asynchronous = Some(name.clone());
                    Ok(())
                });
            } else {
                errors.push(syn::Error::new_spanned(
                    &meta.path,
                    format!(
                        "unknown attribute `{name}` on a type; expected `custom = path::to_fn`, which checks \
                         the whole value, `schema(function = path::to_fn)`, which does when every field passed, \
                         `context = Type`, `nest_all_fields`, or `async`, for a type that nests one with async rules"
                    ),
                ));
                skip_rest(meta.input);
            }
            Ok(())
        });
        errors.extend(parsed.err());
    }
    found
}

/// The fields, each with its place on the wire: `case` is the `rename_all` that
/// applies to them; `transparent` is serde's, which puts the one field where the
/// value is.
fn fields<'a>(
    fields: &'a input::Fields,
    case: Option<Case>,
    transparent: bool,
    errors: &mut Vec<syn::Error>,
) -> Fields<'a> {
    let serde: Vec<_> = fields
        .iter()
        .map(|field| serde_attrs::field(&field.attrs))
        .collect();
    // Serde writes a tuple of one field (a newtype) as that field, and a longer one as
    // a sequence of the fields it does not skip.
    let newtype = fields.len() == 1;
    let mut position = 0;
    let mut parsed = || {
        (fields.iter().zip(serde.iter()).enumerate())
            .map(|(index, (field, attrs))| {
                let (member, rust) = match &field.ident {
                    Some(ident) => (
                        Member::Named(ident.clone()),
                        ident.to_string().trim_start_matches("r#").to_owned(),
                    ),
                    None => (Member::Unnamed(index.into()), index.to_string()),
                };
                let place = match (&field.ident, attrs) {
                    (_, attrs) if attrs.skip => Place::Field(rust),
                    (_, attrs) if attrs.flatten => Place::Here,
                    _ if transparent || (field.ident.is_none() && newtype) => Place::Here,
                    (None, _) => {
                        position += 1;
                        Place::Index(position - 1)
                    }
                    (Some(_), attrs) => Place::Field(match (&attrs.rename, case) {
                        (Some(rename), _) => rename.clone(),
                        (None, Some(case)) => case.field(&rust),
                        (None, None) => rust,
                    }),
                };
                field_rules(field, member, place, errors)
            })
            .collect::<Vec<_>>()
    };
    match fields {
        input::Fields::Named(_) => Fields::Named(parsed()),
        input::Fields::Unnamed(_) => Fields::Unnamed(parsed()),
        input::Fields::Unit => Fields::Unit,
    }
}

fn field_rules<'a>(
    field: &'a input::Field,
    member: Member,
    place: Place,
    errors: &mut Vec<syn::Error>,
) -> Field<'a> {
    let mut rules = Vec::new();
    let mut rename: Option<LitStr> = None;
    for attr in validate_attrs(&field.attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some((name, key)) = rule_name(&meta, errors) else {
                return Ok(());
            };
            guard(&meta, errors, |meta, errors| {
                if key == "rename" {
                    if rename.is_some() {
                        return Err(meta.error("duplicate `rename`"));
                    }
                    rename = Some(meta.value()?.parse()?);
                } else if key == "required_nested" {
                    // validator before 0.18: `required, nested`.
                    for part in ["required", "nested"] {
                        rules.extend(rule(Ident::new(part, name.span()), part, meta, errors)?);
                    }
                } else {
                    rules.extend(rule(name.clone(), &key, meta, errors)?);
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
        place: rename.map_or(place, |lit| Place::Field(lit.value())),
        rules,
    }
}
