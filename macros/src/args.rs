//! Reading a rule's arguments: `rule(key = value, ...)`, with `code` and `message`
//! understood for every rule, each key at most once, and every bad key reported (with
//! the nearest good one) and skipped so that the keys after it are still read.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Expr, ExprLit, Ident, Lit, LitStr, Token};

use crate::suggest::did_you_mean;

/// The `code = "..."` and `message = "..."` any rule takes, read once each.
#[derive(Default)]
pub struct Common {
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
}

impl Common {
    /// Reads `code` or `message` if `key` (`arg`'s) is one; returns whether it was.
    fn read(&mut self, key: &str, arg: &ParseNestedMeta) -> syn::Result<bool> {
        let slot = match key {
            "code" => &mut self.code,
            "message" => &mut self.message,
            _ => return Ok(false),
        };
        set_once(slot, arg, |arg| arg.value()?.parse())?;
        Ok(true)
    }
}

/// The key of `arg` as text, or `""` for a path that is no single name. Taken once per
/// key: each comparison of an identifier with a string converts it again, and the
/// derive runs unoptimised in a user's debug build.
fn key_of(arg: &ParseNestedMeta) -> String {
    arg.path.get_ident().map(Ident::to_string).unwrap_or_default()
}

/// Fills `slot` from `arg`, or reports a second `key`.
pub fn set_once<T>(
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

/// A path, written bare (`function = path::to_fn`) or quoted, as validator allows
/// (`function = "path::to_fn"`).
pub fn path_value(arg: &ParseNestedMeta) -> syn::Result<syn::Path> {
    let value = arg.value()?;
    match value.peek(LitStr) {
        true => value.parse::<LitStr>()?.parse(),
        false => value.parse(),
    }
}

/// A flag: bare (`use_context`), or `= true`, `= false` (validator's forms).
pub fn flag_value(arg: &ParseNestedMeta) -> syn::Result<bool> {
    if arg.input.is_empty() || arg.input.peek(Token![,]) {
        return Ok(true);
    }
    Ok(arg.value()?.parse::<syn::LitBool>()?.value)
}

/// A bound as validator also writes it, quoted: `min = "MIN_LEN"` is the expression
/// in the quotes (a string is never a bound).
pub fn unquote(expr: Expr) -> syn::Result<Expr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text), ..
        }) => text.parse(),
        expr => Ok(expr),
    }
}

/// Reads `rule(key = value, ...)`, handing each key (as text, and its argument) to
/// `read`, which returns `false` for keys it does not know. Each bad key is reported
/// and skipped. `known` lists the rule's keys in prose, in backticks: "`min`, `max`,
/// `code` or `message`".
pub fn read(
    rule: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
    known: &str,
    mut read: impl FnMut(&str, &ParseNestedMeta) -> syn::Result<bool>,
) -> syn::Result<()> {
    if has_empty_parens(meta) {
        // `length()`: nothing to read; the rule says what it is missing.
        let _empty;
        syn::parenthesized!(_empty in meta.input);
        return Ok(());
    }
    meta.parse_nested_meta(|arg| {
        guard(&arg, errors, |arg, _| {
            let key = key_of(arg);
            if common.read(&key, arg)? || read(&key, arg)? {
                return Ok(());
            }
            let hint = key_meaning(&key)
                .filter(|ours| backticked(known).any(|k| k == *ours))
                .map_or_else(
                    || did_you_mean(&key, backticked(known)),
                    |ours| format!(" did you mean `{ours}`?"),
                );
            Err(syn::Error::new_spanned(
                &arg.path,
                format!("unknown key in `{rule}`;{hint} expected {known}"),
            ))
        });
        Ok(())
    })
}

/// What a key's value is read as.
pub trait ArgValue: Sized {
    /// Reads the value after the key's `=`.
    fn read(input: ParseStream) -> syn::Result<Self>;
}

impl ArgValue for LitStr {
    fn read(input: ParseStream) -> syn::Result<LitStr> {
        input.parse()
    }
}

impl ArgValue for Expr {
    /// A lone literal, the usual bound, is taken as it is: syn's expression parser
    /// looks for every kind of expression first, which in a user's unoptimised build
    /// cost more than the rest of reading a `range`. Anything else goes to that parser,
    /// which gives the same `Expr` for a literal.
    fn read(input: ParseStream) -> syn::Result<Expr> {
        let lone = input.cursor().literal().and_then(|(literal, rest)| {
            let ends = rest.eof() || rest.punct().is_some_and(|(punct, _)| punct.as_char() == ',');
            ends.then_some(literal)
        });
        match lone {
            Some(literal) => {
                input.step(|cursor| Ok(((), cursor.token_tree().map_or(*cursor, |(_, rest)| rest))))?;
                Ok(Expr::Lit(ExprLit {
                    attrs: Vec::new(),
                    lit: Lit::new(literal),
                }))
            }
            None => input.parse(),
        }
    }
}

/// A `read` for [`read`] that fills whichever of `slots` the key names, reading the
/// value as `T`; each key may be given once.
pub fn slots<'s, T: ArgValue, const N: usize>(
    mut slots: [(&'static str, &'s mut Option<T>); N],
) -> impl FnMut(&str, &ParseNestedMeta) -> syn::Result<bool> + 's {
    move |key, arg| {
        let Some((_, slot)) = slots.iter_mut().find(|(name, _)| *name == key) else {
            return Ok(false);
        };
        set_once(slot, arg, |arg| T::read(arg.value()?))?;
        Ok(true)
    }
}

/// Reads the one argument of a rule written either `rule = value` or
/// `rule(key = value, code = "...", message = "...")`; `None` when neither gave it.
pub fn value_or_key<T: ArgValue>(
    key: &'static str,
    (name, meta, errors, common): (&Ident, &ParseNestedMeta, &mut Vec<syn::Error>, &mut Common),
) -> syn::Result<Option<T>> {
    let mut value = None;
    if has_args(meta) {
        let known = format!("`{key}`, `code` or `message`");
        read(name, meta, errors, common, &known, slots([(key, &mut value)]))?;
    } else if meta.input.peek(Token![=]) {
        value = Some(T::read(meta.value()?)?);
    }
    Ok(value)
}

/// Reads the options of a rule that has none of its own: `rule` or
/// `rule(code = "...", message = "...")`; `rule = value` is an error.
pub fn flag(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<()> {
    if has_args(meta) {
        read(name, meta, errors, common, "`code` or `message`", |_, _| {
            Ok(false)
        })
    } else {
        reject_value(name, meta)
    }
}

/// `rule = value` where the rule takes no value.
/// Refuses anything after a rule that takes no arguments at all, not even `code` or
/// `message` (`nested`, `skip`).
pub fn bare(name: &Ident, meta: &ParseNestedMeta) -> syn::Result<()> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        return Err(syn::Error::new_spanned(
            name,
            format!("`{name}` takes no arguments"),
        ));
    }
    Ok(())
}

pub fn reject_value(name: &Ident, meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let eq: Token![=] = meta.input.parse()?;
        return Err(syn::Error::new_spanned(
            eq,
            format!("`{name}` takes no value; its options go in parentheses"),
        ));
    }
    Ok(())
}

/// Runs `parse` on one item; on error, records it and skips the rest of the item so
/// that the items after it are still read.
pub fn guard(
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
pub fn skip_rest(input: ParseStream) {
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

pub fn has_empty_parens(meta: &ParseNestedMeta) -> bool {
    let fork = meta.input.fork();
    let group = || -> syn::Result<bool> {
        let content;
        syn::parenthesized!(content in fork);
        Ok(content.is_empty())
    };
    group().unwrap_or(false)
}

pub fn has_args(meta: &ParseNestedMeta) -> bool {
    meta.input.peek(syn::token::Paren)
}

/// Our name for a key that other validation crates (and JSON Schema) spell otherwise.
fn key_meaning(key: &str) -> Option<&'static str> {
    Some(match key {
        "maximum" | "max_length" | "max_items" | "le" => "max",
        "minimum" | "min_length" | "min_items" | "ge" => "min",
        "exclusive_maximum" | "lt" => "exclusive_max",
        "exclusive_minimum" | "gt" => "exclusive_min",
        "equals" | "eq" | "exact" | "exactly" => "equal",
        "scheme" | "protocols" => "schemes",
        "text" | "needle" => "value",
        "field" | "with" => "other",
        "func" | "fn" => "function",
        _ => return None,
    })
}

/// The words in backticks of a "`min`, `max` or `code`" list.
fn backticked(list: &str) -> impl Iterator<Item = &str> {
    list.split('`').skip(1).step_by(2)
}
