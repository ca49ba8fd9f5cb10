//! `must_match(other_field)`, `must_match(other = other_field, code = "...", message =
//! "...")`: the field equals another field of the same value.

use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::{self, Common};
use crate::out::Out;
use crate::suggest::did_you_mean;
use crate::toolkit::{Call, RuleKind, Target};

const NEEDS: &str = "`must_match` needs the other field: `must_match(password)`";

struct MustMatch {
    other: Ident,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    if !args::has_args(meta) {
        return Err(syn::Error::new_spanned(name, NEEDS));
    }
    let mut other: Option<Ident> = None;
    args::read(
        name,
        meta,
        errors,
        common,
        "a field name, `other`, `code` or `message`",
        |key, arg| {
            if key == "other" {
                // Bare or, as validator also writes it, quoted: `other = "password"`.
                args::set_once(&mut other, arg, |arg| {
                    let value = arg.value()?;
                    match value.peek(syn::LitStr) {
                        true => value.parse::<syn::LitStr>()?.parse(),
                        false => value.parse(),
                    }
                })?;
                return Ok(true);
            }
            // `must_match(password)`: a bare name is the other field.
            match arg.path.get_ident() {
                Some(field)
                    if other.is_none() && (arg.input.is_empty() || arg.input.peek(syn::Token![,])) =>
                {
                    other = Some(field.clone());
                    Ok(true)
                }
                _ => Ok(false),
            }
        },
    )?;
    let other = other.ok_or_else(|| syn::Error::new_spanned(name, NEEDS))?;
    Ok(Box::new(MustMatch { other }))
}

impl RuleKind for MustMatch {
    fn target(&self) -> Target {
        Target::Anything
    }

    fn check_fields(&self, name: &Ident, field: Option<(&str, &[String])>, errors: &mut Vec<syn::Error>) {
        let other = self.other.to_string();
        let problem = match field {
            None => {
                format!("`{name}` compares two fields of one value: it cannot go inside `each` or `keys`")
            }
            Some((own, _)) if own == other => format!("`{name}` compares the field `{own}` with itself"),
            Some((_, fields)) if !fields.contains(&other) => format!(
                "no field `{other}` to match;{} expected a field of the same value",
                did_you_mean(&other, fields.iter().map(String::as_str))
            ),
            Some(_) => return,
        };
        errors.push(syn::Error::new_spanned(&self.other, problem));
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        let other = self.other.to_string();
        let Some(sibling) = call.siblings.iter().find(|s| s.name == other) else {
            // Reported by `check_fields`; nothing is emitted with errors.
            return;
        };
        let span = call.span;
        call.entry(out, "must_match", |out| {
            sibling.write(out, span).punct(',', false, span);
            out.string(&sibling.path_name, span).punct(',', false, span);
        });
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(vec!["other"])
    }
}
