//! `pattern = "regex"`, `pattern(regex = "...")`: the regex crate's syntax, checked
//! while compiling, compiled once per call site at run time.

use proc_macro::Delimiter;
use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

struct Pattern {
    regex: LitStr,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let regex = args::value_or_key("regex", (name, meta, errors, common))?
        .ok_or_else(|| syn::Error::new_spanned(name, "`pattern` needs a regex: `pattern = \"^[a-z]+$\"`"))?;
    Ok(Box::new(Pattern { regex }))
}

impl RuleKind for Pattern {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        check_regex(name, &self.regex, errors);
    }

    fn target(&self) -> Target {
        Target::text("pattern")
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        out.group(Delimiter::Brace, span, |out| {
            out.ident("static", span)
                .ident("__MB_REGEX", span)
                .punct(':', false, span);
            call.rt(out)
                .colon2(span)
                .path(&["rules", "pattern", "LazyRegex"], span);
            out.punct('=', false, span);
            call.rt(out)
                .colon2(span)
                .path(&["rules", "pattern", "LazyRegex", "new"], span);
            out.group(Delimiter::Parenthesis, span, |out| {
                out.tokens(&self.regex);
            });
            out.punct(';', false, span);
            call.entry(out, "pattern", |out| {
                out.punct('&', false, span)
                    .ident("__MB_REGEX", span)
                    .punct(',', false, span);
            });
        });
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(vec!["pattern"])
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let regex = &self.regex;
        Some(quote::quote!(#rt::rules::pattern::json_schema(__mb_schema, #regex);))
    }
}

#[cfg(feature = "pattern")]
fn check_regex(_rule: &Ident, regex: &LitStr, errors: &mut Vec<syn::Error>) {
    if let Err(error) = regex_syntax::Parser::new().parse(&regex.value()) {
        errors.push(syn::Error::new_spanned(regex, format!("invalid regex: {error}")));
    }
}

/// modelbuild forwards its `pattern` feature here; without it there is no regex engine
/// at run time, so the rule cannot be honoured.
#[cfg(not(feature = "pattern"))]
fn check_regex(rule: &Ident, _regex: &LitStr, errors: &mut Vec<syn::Error>) {
    errors.push(syn::Error::new_spanned(
        rule,
        "`pattern` needs modelbuild's `pattern` feature, which is on by default: \
         modelbuild = { version = \"0.1\", features = [\"pattern\"] }",
    ));
}
