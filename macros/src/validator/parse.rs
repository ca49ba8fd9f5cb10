//! validator's attributes -> a model of the struct, its fields and their rules.
//!
//! The grammar is validator 0.21's (which its derive reads with darling): each rule at
//! most once on a field (`custom` any number of times, `schema` on the type too), values
//! as darling takes them (a bound or a regex path may be quoted and is then parsed; a
//! flag is a bare name, `= true`/`= false` or `= "true"`), and every other name refused.
//! Every mistake is recorded and reading goes on.

use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitBool, LitStr, Path, Token, Type};

use crate::args::skip_rest;
use crate::input::{self, Data, Input};
use crate::suggest::did_you_mean;

pub struct Model<'a> {
    pub input: &'a Input,
    /// The crate the code names: `::validator`, or `crate = "..."`'s path.
    pub krate: Path,
    pub context: Option<Context>,
    pub schemas: Vec<Schema>,
    pub nest_all_fields: bool,
    pub fields: Vec<Field<'a>>,
}

/// `context = Type` and `mutable`: what `validate_with_args` takes, by reference.
pub struct Context {
    pub ty: Path,
    pub mutable: bool,
}

/// `#[validate(schema(function = f, ...))]` on the type.
pub struct Schema {
    pub name: Ident,
    pub function: Path,
    pub use_context: bool,
    /// validator's default: not run once a field failed.
    pub skip_on_field_errors: bool,
    pub common: Common,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: Type,
    /// `skip`, `skip = true`: the field is not looked at, whatever its other rules.
    pub skip: bool,
    pub nested: bool,
    pub rules: Vec<Rule>,
    pub customs: Vec<Custom>,
}

/// `message = "..."` and `code = "..."`, which every rule takes.
#[derive(Default)]
pub struct Common {
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
}

pub struct Rule {
    pub name: Ident,
    pub kind: Kind,
    pub common: Common,
    /// False when one of its keys was reported: what `check` would add follows from
    /// that mistake (`length(eq = 2)` is not also told it has no bound).
    pub complete: bool,
}

/// The rules that report errors of their own, in the order validator checks them.
pub enum Kind {
    Length {
        min: Option<Expr>,
        max: Option<Expr>,
        equal: Option<Expr>,
    },
    Email,
    CreditCard,
    Url,
    Ip {
        v4: Option<bool>,
        v6: Option<bool>,
    },
    NonControlCharacter,
    Range {
        min: Option<Expr>,
        max: Option<Expr>,
        exclusive_min: Option<Expr>,
        exclusive_max: Option<Expr>,
    },
    Required,
    Contains(LitStr),
    DoesNotContain(LitStr),
    MustMatch(Path),
    Regex(Expr),
}

impl Kind {
    /// The place in validator's order: a field's errors come in this order, whatever the
    /// attribute's.
    pub fn order(&self) -> u8 {
        match self {
            Kind::Length { .. } => 0,
            Kind::Email => 1,
            Kind::CreditCard => 2,
            Kind::Url => 3,
            Kind::Ip { .. } => 4,
            Kind::NonControlCharacter => 5,
            Kind::Range { .. } => 6,
            Kind::Required => 7,
            Kind::Contains(_) => 8,
            Kind::DoesNotContain(_) => 9,
            Kind::MustMatch(_) => 10,
            Kind::Regex(_) => 11,
        }
    }
}

/// `custom(function = f, use_context, ...)`.
pub struct Custom {
    pub name: Ident,
    pub function: Path,
    pub use_context: bool,
    pub common: Common,
}

/// The rule names validator knows on a field, for messages and suggestions.
const FIELD_NAMES: &[&str] = &[
    "credit_card",
    "contains",
    "does_not_contain",
    "email",
    "ip",
    "length",
    "must_match",
    "non_control_character",
    "range",
    "required",
    "url",
    "regex",
    "custom",
    "skip",
    "nested",
];

const CONTAINER_NAMES: &[&str] = &["schema", "context", "mutable", "nest_all_fields", "crate"];

pub fn container<'a>(input: &'a Input, errors: &mut Vec<syn::Error>) -> Option<Model<'a>> {
    let fields = match &input.data {
        Data::Struct(input::Fields::Named(fields)) => fields,
        Data::Struct(_) | Data::Enum(_) | Data::Union(_) => {
            let shape = match &input.data {
                Data::Enum(_) => "an enum",
                Data::Union(_) => "a union",
                Data::Struct(input::Fields::Unit) => "a unit struct",
                _ => "a tuple struct",
            };
            errors.push(syn::Error::new_spanned(
                &input.ident,
                format!("validator's `Validate` derives for a struct with named fields; this is {shape}"),
            ));
            return None;
        }
    };
    let mut model = Model {
        input,
        krate: syn::parse_quote!(::validator),
        context: None,
        schemas: Vec::new(),
        nest_all_fields: false,
        fields: Vec::new(),
    };
    container_attrs(&input.attrs, &mut model, errors);
    model.fields = fields.iter().map(|field| self::field(field, errors)).collect();
    Some(model)
}

fn validate_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("validate"))
}

/// The name of an item, or `None` (reported) for a path that is no name.
fn name_of(meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> Option<(Ident, String)> {
    let Some(ident) = meta.path.get_ident() else {
        errors.push(syn::Error::new_spanned(&meta.path, "expected a name"));
        skip_rest(meta.input);
        return None;
    };
    Some((ident.clone(), ident.to_string()))
}

/// `what` is "rule", "attribute on the type" or "key"; `place` says where ("" or " in
/// `range`").
fn unknown(name: &Ident, what: &str, place: &str, key: &str, known: &[&str]) -> syn::Error {
    // A suggestion for a short name is mostly noise (`sid` is two edits from `ip`).
    let alias = match key {
        "minimum" => Some("min"),
        "maximum" => Some("max"),
        "eq" | "equals" => Some("equal"),
        _ => None,
    };
    let hint = match alias.filter(|alias| known.contains(alias)) {
        Some(alias) => format!(" did you mean `{alias}`?"),
        None if key.len() > 3 => did_you_mean(key, known.iter().copied()),
        None => String::new(),
    };
    let known: Vec<String> = known.iter().map(|name| format!("`{name}`")).collect();
    syn::Error::new_spanned(
        name,
        format!(
            "unknown {what} `{key}`{place} for validator's derive;{hint} expected one of {}",
            known.join(", ")
        ),
    )
}

fn duplicate(name: &impl ToTokens) -> syn::Error {
    let text = name.to_token_stream().to_string();
    syn::Error::new_spanned(name, format!("duplicate `{text}`; give it once"))
}

/// Runs `read`; a mistake is recorded and the rest of the item skipped.
fn guarded(
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    read: impl FnOnce(&mut Vec<syn::Error>) -> syn::Result<()>,
) {
    if let Err(error) = read(errors) {
        errors.push(error);
        skip_rest(meta.input);
    }
}

fn container_attrs(attrs: &[Attribute], model: &mut Model, errors: &mut Vec<syn::Error>) {
    let (mut context, mut mutable, mut nest, mut krate) = (None, None, None, None);
    for attr in validate_attrs(attrs) {
        let parsed = attr.parse_nested_meta(|meta| {
            let Some((name, key)) = name_of(&meta, errors) else {
                return Ok(());
            };
            guarded(&meta, errors, |errors| {
                match key.as_str() {
                    "schema" => model.schemas.extend(schema(&name, &meta, errors)?),
                    "context" => once(&mut context, &name, || value_path(&meta))?,
                    "mutable" => once(&mut mutable, &name, || flag(&meta))?,
                    "nest_all_fields" => once(&mut nest, &name, || flag(&meta))?,
                    "crate" => once(&mut krate, &name, || value_path(&meta))?,
                    _ => return Err(unknown(&name, "attribute", " on the type", &key, CONTAINER_NAMES)),
                }
                Ok(())
            });
            Ok(())
        });
        errors.extend(parsed.err());
    }
    model.context = context.map(|ty| Context {
        ty,
        mutable: mutable.unwrap_or(false),
    });
    model.nest_all_fields = nest.unwrap_or(false);
    if let Some(krate) = krate {
        model.krate = krate;
    }
}

/// Fills `slot` once; a second one is a mistake at `name`.
fn once<T>(
    slot: &mut Option<T>,
    name: &impl ToTokens,
    read: impl FnOnce() -> syn::Result<T>,
) -> syn::Result<()> {
    if slot.is_some() {
        return Err(duplicate(name));
    }
    *slot = Some(read()?);
    Ok(())
}

fn schema(name: &Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Option<Schema>> {
    let reported = errors.len();
    let (mut function, mut use_context, mut skip) = (None, None, None);
    let mut common = Common::default();
    let known = &[
        "function",
        "use_context",
        "skip_on_field_errors",
        "message",
        "code",
    ];
    list(name, meta, errors, known, |key, arg| {
        match key {
            "function" => once(&mut function, &arg.path, || value_path(arg))?,
            "use_context" => once(&mut use_context, &arg.path, || flag(arg))?,
            "skip_on_field_errors" => once(&mut skip, &arg.path, || flag(arg))?,
            _ => return common.read(key, arg),
        }
        Ok(true)
    })?;
    let function = required(function, name, "function", errors.len() > reported)?;
    Ok(function.map(|function| Schema {
        name: name.clone(),
        function,
        use_context: use_context.unwrap_or(false),
        skip_on_field_errors: skip.unwrap_or(true),
        common,
    }))
}

/// The required `key` of `name`, or, when it is missing, the error that says so; `None`
/// when a mistake among the rule's keys was reported already (`custom(function = 2)`
/// is not also told it has no function).
fn required<T>(value: Option<T>, name: &Ident, key: &str, reported: bool) -> syn::Result<Option<T>> {
    match value {
        Some(value) => Ok(Some(value)),
        None if reported => Ok(None),
        None => Err(syn::Error::new_spanned(name, format!("`{name}` needs `{key}`"))),
    }
}

impl Common {
    /// Reads `message` or `code` if `key` is one; whether it was.
    fn read(&mut self, key: &str, arg: &ParseNestedMeta) -> syn::Result<bool> {
        let slot = match key {
            "message" => &mut self.message,
            "code" => &mut self.code,
            _ => return Ok(false),
        };
        once(slot, &arg.path, || arg.value()?.parse::<LitStr>())?;
        Ok(true)
    }
}

/// Reads `rule(key = value, ...)`, each key through `read`, which says whether it knew
/// it; `known` names the rule's keys for the message about one it does not know.
fn list(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    known: &[&str],
    mut read: impl FnMut(&str, &ParseNestedMeta) -> syn::Result<bool>,
) -> syn::Result<()> {
    if !meta.input.peek(syn::token::Paren) {
        let example = match known.first() {
            Some(key) => format!("`{name}({key} = ...)`"),
            None => format!("`{name}(...)`"),
        };
        return Err(syn::Error::new_spanned(
            name,
            format!("validator writes `{name}` with its options in parentheses: {example}"),
        ));
    }
    if crate::args::has_empty_parens(meta) {
        // `length()`: nothing to read; the checks say what is missing.
        let _empty;
        syn::parenthesized!(_empty in meta.input);
        return Ok(());
    }
    meta.parse_nested_meta(|arg| {
        let Some((key_name, key)) = name_of(&arg, errors) else {
            return Ok(());
        };
        guarded(&arg, errors, |_| match read(&key, &arg)? {
            true => Ok(()),
            false => Err(unknown(&key_name, "key", &format!(" in `{name}`"), &key, known)),
        });
        Ok(())
    })
}

/// A flag: a bare name (true), `= true` or `= false`, or darling's `= "true"`.
fn flag(meta: &ParseNestedMeta) -> syn::Result<bool> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(true);
    }
    let value = meta.value()?;
    if value.peek(LitBool) {
        return Ok(value.parse::<LitBool>()?.value);
    }
    let text: LitStr = value.parse()?;
    text.value()
        .parse()
        .map_err(|_| syn::Error::new_spanned(&text, "expected `true` or `false`"))
}

/// A path, written bare (`function = path::to_fn`) or quoted (`function =
/// "path::to_fn"`, `context = "Arg<'v_a>"`).
fn value_path(meta: &ParseNestedMeta) -> syn::Result<Path> {
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse::<LitStr>()?.parse();
    }
    if value.peek(Lit) {
        let lit: Lit = value.parse()?;
        return Err(syn::Error::new_spanned(
            lit,
            "expected a path, such as `path::to::function` or `\"path::to::function\"`",
        ));
    }
    value.parse()
}

/// An expression, bare or quoted (`min = "MIN_LEN"` is the constant `MIN_LEN`).
fn value_expr(meta: &ParseNestedMeta) -> syn::Result<Expr> {
    match meta.value()?.parse::<Expr>()? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text), ..
        }) => text.parse(),
        expr => Ok(expr),
    }
}

fn field<'a>(field: &'a input::Field, errors: &mut Vec<syn::Error>) -> Field<'a> {
    let ident = field.ident.as_ref().expect("a named field has a name");
    let ty = syn::parse2(field.ty.iter().cloned().collect()).unwrap_or_else(|error| {
        errors.push(error);
        Type::Verbatim(proc_macro2::TokenStream::new())
    });
    let mut model = Field {
        ident,
        ty,
        skip: false,
        nested: false,
        rules: Vec::new(),
        customs: Vec::new(),
    };
    let (mut skip, mut nested) = (None, None);
    for attr in validate_attrs(&field.attrs) {
        if let syn::Meta::Path(path) = &attr.meta {
            errors.push(syn::Error::new_spanned(
                path,
                format!(
                    "`#[validate]` on `{ident}` names no rule; write one, such as `#[validate(length(min = 1))]`, \
                     or `#[validate(nested)]` for a nested struct"
                ),
            ));
            continue;
        }
        let parsed = attr.parse_nested_meta(|meta| {
            let Some((name, key)) = name_of(&meta, errors) else {
                return Ok(());
            };
            guarded(&meta, errors, |errors| match key.as_str() {
                "skip" => once(&mut skip, &name, || flag(&meta)),
                "nested" => once(&mut nested, &name, || flag(&meta)),
                "custom" => {
                    model.customs.extend(custom(&name, &meta, errors)?);
                    Ok(())
                }
                _ => {
                    let Some(rule) = rule(&name, &key, &meta, errors)? else {
                        return Ok(());
                    };
                    if model.rules.iter().any(|known| known.name == rule.name) {
                        return Err(duplicate(&rule.name));
                    }
                    model.rules.push(rule);
                    Ok(())
                }
            });
            Ok(())
        });
        errors.extend(parsed.err());
    }
    model.skip = skip.unwrap_or(false);
    model.nested = nested.unwrap_or(false);
    model
}

fn custom(name: &Ident, meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> syn::Result<Option<Custom>> {
    let reported = errors.len();
    let (mut function, mut use_context) = (None, None);
    let mut common = Common::default();
    list(
        name,
        meta,
        errors,
        &["function", "use_context", "message", "code"],
        |key, arg| {
            match key {
                "function" => once(&mut function, &arg.path, || value_path(arg))?,
                "use_context" => once(&mut use_context, &arg.path, || flag(arg))?,
                _ => return common.read(key, arg),
            }
            Ok(true)
        },
    )?;
    let function = required(function, name, "function", errors.len() > reported)?;
    Ok(function.map(|function| Custom {
        name: name.clone(),
        function,
        use_context: use_context.unwrap_or(false),
        common,
    }))
}

/// A rule that reports errors of its own, by its name.
fn rule(
    name: &Ident,
    key: &str,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<Rule>> {
    let mut common = Common::default();
    let reported = errors.len();
    let kind = match key {
        "email" => flag_rule(name, meta, errors, &mut common, Kind::Email)?,
        "credit_card" => flag_rule(name, meta, errors, &mut common, Kind::CreditCard)?,
        "url" => flag_rule(name, meta, errors, &mut common, Kind::Url)?,
        "non_control_character" => flag_rule(name, meta, errors, &mut common, Kind::NonControlCharacter)?,
        "required" => flag_rule(name, meta, errors, &mut common, Kind::Required)?,
        "ip" => ip(name, meta, errors, &mut common)?,
        "length" => {
            let mut bounds = [None, None, None];
            bounds_rule(
                name,
                meta,
                errors,
                &mut common,
                &["min", "max", "equal"],
                &mut bounds,
            )?;
            let [min, max, equal] = bounds;
            Kind::Length { min, max, equal }
        }
        "range" => {
            let mut bounds = [None, None, None, None];
            let keys = &["min", "max", "exclusive_min", "exclusive_max"];
            bounds_rule(name, meta, errors, &mut common, keys, &mut bounds)?;
            let [min, max, exclusive_min, exclusive_max] = bounds;
            Kind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            }
        }
        "contains" | "does_not_contain" => {
            let Some(needle) = needle(name, meta, errors, &mut common)? else {
                return Ok(None);
            };
            match key {
                "contains" => Kind::Contains(needle),
                _ => Kind::DoesNotContain(needle),
            }
        }
        "must_match" => {
            let mut other = None;
            list(
                name,
                meta,
                errors,
                &["other", "message", "code"],
                |key, arg| match key {
                    "other" => once(&mut other, &arg.path, || value_path(arg)).map(|()| true),
                    _ => common.read(key, arg),
                },
            )?;
            match required(other, name, "other", errors.len() > reported)? {
                Some(other) => Kind::MustMatch(other),
                None => return Ok(None),
            }
        }
        "regex" => {
            let mut path = None;
            list(
                name,
                meta,
                errors,
                &["path", "message", "code"],
                |key, arg| match key {
                    "path" => once(&mut path, &arg.path, || value_expr(arg)).map(|()| true),
                    _ => common.read(key, arg),
                },
            )?;
            match required(path, name, "path", errors.len() > reported)? {
                Some(path) => Kind::Regex(path),
                None => return Ok(None),
            }
        }
        _ => return Err(unknown_rule(name, key)),
    };
    Ok(Some(Rule {
        name: name.clone(),
        kind,
        common,
        complete: errors.len() == reported,
    }))
}

/// An unknown rule; for the names later validators dropped, what replaced them.
fn unknown_rule(name: &Ident, key: &str) -> syn::Error {
    let error = unknown(name, "rule", "", key, FIELD_NAMES);
    let replaced = match key {
        "required_nested" => "validator 0.18 replaced `required_nested` with `required, nested`",
        "phone" => "validator 0.17 removed `phone`",
        _ => return error,
    };
    syn::Error::new_spanned(name, format!("{error}; {replaced}"))
}

/// A rule with no options but `message` and `code`: `email` or `email(code = "...")`.
fn flag_rule(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
    kind: Kind,
) -> syn::Result<Kind> {
    if meta.input.peek(Token![=]) {
        return Err(syn::Error::new_spanned(
            name,
            format!("`{name}` takes no value; its options go in parentheses"),
        ));
    }
    if meta.input.peek(syn::token::Paren) {
        list(name, meta, errors, &["message", "code"], |key, arg| {
            common.read(key, arg)
        })?;
    }
    Ok(kind)
}

fn ip(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Kind> {
    let (mut v4, mut v6) = (None, None);
    if meta.input.peek(syn::token::Paren) {
        list(
            name,
            meta,
            errors,
            &["v4", "v6", "message", "code"],
            |key, arg| match key {
                "v4" => once(&mut v4, &arg.path, || flag(arg)).map(|()| true),
                "v6" => once(&mut v6, &arg.path, || flag(arg)).map(|()| true),
                _ => common.read(key, arg),
            },
        )?;
    } else if meta.input.peek(Token![=]) {
        return Err(syn::Error::new_spanned(
            name,
            "`ip` takes no value; write `ip(v4)` or `ip(v6)`",
        ));
    }
    Ok(Kind::Ip { v4, v6 })
}

fn bounds_rule<const N: usize>(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
    keys: &[&'static str; N],
    bounds: &mut [Option<Expr>; N],
) -> syn::Result<()> {
    let mut known = keys.to_vec();
    known.extend(["message", "code"]);
    list(name, meta, errors, &known, |key, arg| {
        match keys.iter().position(|k| *k == key) {
            Some(at) => once(&mut bounds[at], &arg.path, || value_expr(arg)).map(|()| true),
            None => common.read(key, arg),
        }
    })
}

fn needle(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Option<LitStr>> {
    let reported = errors.len();
    let mut pattern = None;
    list(
        name,
        meta,
        errors,
        &["pattern", "message", "code"],
        |key, arg| match key {
            "pattern" => once(&mut pattern, &arg.path, || arg.value()?.parse::<LitStr>()).map(|()| true),
            _ => common.read(key, arg),
        },
    )?;
    required(pattern, name, "pattern", errors.len() > reported)
}
