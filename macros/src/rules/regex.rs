//! `regex(path = RE)`, validator's spelling: the value matches a regex the program keeps
//! (a `static` `Regex`, `LazyLock<Regex>` or `OnceLock<Regex>`), searched as `pattern`
//! searches. The regex is the program's own, so it is checked when first used, not
//! while compiling as `pattern = "..."` is.

use proc_macro::Delimiter;
use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::{Expr, Ident};

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

struct Regex {
    /// Where the regex is: `RE`, `*RE`, `crate::RE` (validator also quotes it).
    path: Expr,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    const NEEDS: &str = "`regex` takes `path = RE`, a regex the program keeps (a static `Regex`, `LazyLock` \
                         or `OnceLock`); for a regex written here, checked while compiling, write \
                         `pattern = \"...\"`";
    if !args::has_args(meta) {
        return Err(syn::Error::new_spanned(name, NEEDS));
    }
    let mut path = None;
    let known = "`path`, `code` or `message`";
    args::read(
        name,
        meta,
        errors,
        common,
        known,
        args::slots([("path", &mut path)]),
    )?;
    let path = path.ok_or_else(|| syn::Error::new_spanned(name, NEEDS))?;
    Ok(Box::new(Regex {
        path: args::unquote(path)?,
    }))
}

impl RuleKind for Regex {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        requires_feature(name, errors);
    }

    fn target(&self) -> Target {
        Target::text("regex")
    }

    /// `__mb_site<n>.pattern_from(value, &(path), at, errors)`: the path keeps its own
    /// span, so a value that is no regex is reported at it.
    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        call.entry(out, "pattern_from", |out| {
            out.punct('&', false, span);
            out.group(Delimiter::Parenthesis, span, |out| {
                out.tokens(&self.path);
            });
            out.punct(',', false, span);
        });
    }

    /// The regex, and so the message, is only known at run time.
    fn message_is_constant(&self) -> bool {
        false
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(vec!["pattern"])
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let path = &self.path;
        Some(quote::quote!(#rt::rules::pattern::json_schema_from(__mb_schema, &(#path));))
    }
}

#[cfg(feature = "pattern")]
fn requires_feature(_rule: &Ident, _errors: &mut Vec<syn::Error>) {}

/// modelbuild forwards its `pattern` feature here; without it there is no regex engine.
#[cfg(not(feature = "pattern"))]
fn requires_feature(rule: &Ident, errors: &mut Vec<syn::Error>) {
    errors.push(syn::Error::new_spanned(
        rule,
        "`regex` needs modelbuild's `pattern` feature, which is on by default: \
         modelbuild = { version = \"0.1\", features = [\"pattern\"] }",
    ));
}
