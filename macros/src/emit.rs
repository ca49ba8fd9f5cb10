//! The checked model -> the `Validate` impl.
//!
//! Generated code names the runtime only as `::modelbuild::__private::...`, so it
//! needs nothing from the user's imports. Calls are spanned at the rule's name, so a
//! rule on a type it cannot apply to is reported there; everything else is written
//! as text (see `out`).

use std::cell::Cell;

use proc_macro::Delimiter;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::Ident;

use crate::input::{Data, Input};
use crate::out::{quoted, Out};
use crate::parse::{Container, Field, Fields, Shape, Variant};
use crate::toolkit::walk::Walk;
use crate::toolkit::{
    place_expr, rule_call, value_checks, Access, Checked, Place, Rule, Scope, Sibling, SiteEntry, Sites,
};

/// The last parameters of `validate_at` and `validate_with_at`: the node the value is
/// at and the error list.
const AT_AND_ERRORS: &str = "__mb_at: &::modelbuild::__private::PathNode<'_>, \
                             __mb_errors: &mut ::modelbuild::__private::ValidationErrors";

pub fn impl_validate(container: &Container) -> proc_macro::TokenStream {
    let mut out = Out::new();
    let input = container.input;
    let bounded = nested_types(container);
    if container.is_async() {
        crate::emit_async::impl_validate_async(container, &bounded, &mut out);
        if cfg!(feature = "schemars") {
            crate::schema::impl_rules(container, &mut out);
        }
        return out.finish();
    }
    let body = |out: &mut Out| body(container, out, None);
    if let Some(context) = &container.context {
        // For `ValidWith` and code written for `ValidateAsync`: checked at once.
        crate::emit_async::forward_async(container, context, &bounded, &mut out);
    }
    match &container.context {
        Some(context) => {
            let with = |out: &mut Out| {
                out.text("::modelbuild::__private::ValidateWith<")
                    .tokens(context)
                    .text(">");
            };
            wrap_impl(
                &mut out,
                input,
                &container.context_lifetimes,
                &with,
                &bounded,
                |out| {
                    out.text("fn validate_with_at");
                    out.group(Delimiter::Parenthesis, Span::call_site(), |out| {
                        out.text("&self, __mb_ctx: &")
                            .tokens(context)
                            .text(",")
                            .text(AT_AND_ERRORS);
                    });
                    out.group(Delimiter::Brace, Span::call_site(), body);
                },
            );
        }
        None => context_free(&mut out, input, &bounded, body),
    }
    if cfg!(feature = "schemars") {
        crate::schema::impl_rules(container, &mut out);
    }
    out.finish()
}

/// The body of `validate_at`: the type's table of call sites and a reference to each
/// entry, the fields bound, each rule's call and the rules on the whole value. With a
/// `walk`, the body of a type with async rules' walk: the same checks, each async rule
/// made into a future, and the futures joined as its value.
pub fn body(container: &Container, out: &mut Out, walk: Option<&Walk>) {
    let context = container.context.as_ref();
    let sites = Sites::default();
    // The checks first: they fill the table of sites, which comes before them.
    let mut checks = Out::new();
    // Where the value's errors start: a whole-value rule made or run only when none of
    // its own checks failed (an async one; validator's `schema`) compares with it.
    let asynchronous = walk.is_some() && container.customs.iter().any(|rule| rule.kind.is_async());
    if asynchronous || container.customs.iter().any(|rule| rule.kind.after_fields()) {
        checks.text("let __mb_start = __mb_errors.len();");
    }
    match &container.shape {
        Shape::Struct(fields) => {
            // A struct's fields are read in place: `&self.sid`.
            let siblings = siblings(fields, false);
            field_checks(fields, &siblings, "__mb_at", context, &sites, walk, &mut checks);
            whole_value_checks(container, &siblings, &sites, walk, &mut checks);
        }
        Shape::Enum(variants) if variants.is_empty() => {
            checks.text("match *self {}");
        }
        Shape::Enum(variants) => {
            // In a walk, each arm assigns the futures it makes to variables declared
            // before the `match`, so that all of them join into one type.
            let mut arms = Out::new();
            if let Some(walk) = walk {
                walk.hoist();
            }
            arms.text("match self")
                .group(Delimiter::Brace, Span::call_site(), |out| {
                    for variant in variants {
                        let siblings = siblings(&variant.fields, true);
                        let mut calls = Out::new();
                        let base = match &variant.base {
                            Some(_) => "__mb_variant",
                            None => "__mb_at",
                        };
                        field_checks(
                            &variant.fields,
                            &siblings,
                            base,
                            context,
                            &sites,
                            walk,
                            &mut calls,
                        );
                        let checked = siblings.iter().any(Sibling::is_used);
                        let path = format!("Self::{}", variant.ident);
                        out.text(&format!("{} =>", destructure(&path, &variant.fields, &siblings)));
                        out.group(Delimiter::Brace, Span::call_site(), |out| {
                            // Only a variant with checks needs its node.
                            if variant.base.is_some() && checked {
                                out.text(&format!("let __mb_variant = &{};", variant_node(variant)));
                            }
                            out.extend(calls);
                        });
                    }
                });
            if let Some(walk) = walk {
                checks.text(&walk.declarations());
            }
            checks.extend(arms);
            whole_value_checks(container, &[], &sites, walk, &mut checks);
        }
    }
    site_table(sites.into_inner(), out);
    out.extend(checks);
    if let Some(walk) = walk {
        out.text(&walk.joined());
    }
}

/// The type's `static` arrays of call sites, and a `&'static` reference to each entry
/// bound once as `__mb_site<n>`, `n` its place in `sites`, which the calls pass.
// The usual sites are one array made by a `const fn` from their names, which the
// compiler evaluates as one call on an array of string literals. Written as a tuple of
// one constructor call per site, and reached at each call as `&__MB_SITES.3`, the
// table cost the compiler a third of the derive's output (see README).
fn site_table(sites: Vec<SiteEntry>, out: &mut Out) {
    let (mut fields, mut custom) = (Vec::new(), Vec::new());
    for (n, site) in sites.into_iter().enumerate() {
        match site {
            SiteEntry::Field(name) => fields.push((n, quoted(&name))),
            SiteEntry::Custom(site) => custom.push((n, site)),
        }
    }
    bind_table(out, "__MB_SITES", &fields, |names| {
        format!("::modelbuild::__private::Site::fields([{names}])")
    });
    bind_table(out, "__MB_CUSTOM_SITES", &custom, |sites| format!("[{sites}]"));
}

/// `static <name>: Sites<len> = <make(entries)>; let [__mb_site<n>, ...] =
/// &<name>;`, or nothing for no entries.
fn bind_table(out: &mut Out, name: &str, entries: &[(usize, String)], make: impl FnOnce(String) -> String) {
    if entries.is_empty() {
        return;
    }
    let values: Vec<&str> = entries.iter().map(|(_, value)| value.as_str()).collect();
    let bindings: Vec<String> = entries.iter().map(|(n, _)| format!("__mb_site{n}")).collect();
    out.text(&format!(
        "static {name}: {} = {}; let [{}] = &{name};",
        sites_type(entries.len()),
        make(values.join(", ")),
        bindings.join(", ")
    ));
}

/// The type of a table of `len` sites: the runtime's name for it (`Sites7`)
/// where it has one. An array type written here costs the compiler a constant of its
/// own for the length, with its own queries, in every type: about 3% of the derive's cost
/// to an incremental `cargo check` (see README).
fn sites_type(len: usize) -> String {
    match len {
        1..=32 => format!("::modelbuild::__private::Sites{len}"),
        _ => format!("[::modelbuild::__private::Site; {len}]"),
    }
}

/// `Validate`, with the body `items` write. A type with no context implements nothing
/// else: nested in a type with a context, it is validated without it (see the
/// runtime's `rules::nested`).
fn context_free(out: &mut Out, input: &Input, bounded: &[TokenStream], body: impl FnOnce(&mut Out)) {
    let validate = |out: &mut Out| {
        out.text("::modelbuild::__private::Validate");
    };
    wrap_impl(out, input, &[], &validate, bounded, |out| {
        out.text(&format!("fn validate_at(&self, {AT_AND_ERRORS})"))
            .group(Delimiter::Brace, Span::call_site(), body);
    });
}

/// The impl block of the trait `trait_` writes, holding what `items` writes; the
/// `bounded` types must implement that trait too, besides the type's own where clause.
/// `lifetimes` are parameters of the impl beyond the type's (those the context names).
pub fn wrap_impl(
    out: &mut Out,
    input: &Input,
    lifetimes: &[syn::Lifetime],
    trait_: &dyn Fn(&mut Out),
    bounded: &[TokenStream],
    items: impl FnOnce(&mut Out),
) {
    out.text("#[automatically_derived] impl");
    let generics = &input.generics;
    let with_lifetimes = impl_generics(generics, lifetimes);
    let (impl_generics, _, _) = with_lifetimes.split_for_impl();
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    // The usual type has no generics to write, nor a where clause.
    if !with_lifetimes.params.is_empty() {
        out.tokens(impl_generics);
    }
    trait_(out);
    out.text("for").ident2(&input.ident);
    if !generics.params.is_empty() {
        out.tokens(ty_generics);
    }
    if where_clause.is_some() || !bounded.is_empty() {
        out.text("where");
        for predicate in where_clause.iter().flat_map(|w| &w.predicates) {
            out.tokens(predicate).text(",");
        }
        for ty in bounded {
            out.tokens(ty).text(":");
            trait_(out);
            out.text(",");
        }
    }
    out.group(Delimiter::Brace, Span::call_site(), items);
}

/// The type's generics, with `lifetimes` first: the parameters of an impl whose trait
/// names lifetimes the type does not (validator's `context = "Arg<'v_a>"`).
pub fn impl_generics(generics: &syn::Generics, lifetimes: &[syn::Lifetime]) -> syn::Generics {
    let mut generics = generics.clone();
    for (at, lifetime) in lifetimes.iter().enumerate() {
        let param = syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime.clone()));
        generics.params.insert(at, param);
    }
    generics
}

/// The compile errors, plus an impl that does nothing: with it, the type still
/// implements `Validate` and one mistake does not spread errors through the crate.
pub fn with_errors(input: &Input, errors: Vec<syn::Error>) -> proc_macro::TokenStream {
    let mut out = Out::new();
    for error in &errors {
        out.tokens(error.to_compile_error());
    }
    if !matches!(input.data, Data::Union(_)) {
        context_free(&mut out, input, &[], |_| {});
        if cfg!(feature = "schemars") {
            crate::schema::rules_impl(input, &mut out, TokenStream::new());
        }
    }
    out.finish()
}

/// `Self { a: __mb_field_0, .. }` or `Self(__mb_field_0, _)`: the fields the checks
/// read, each bound to its own name; the others are left out, so that none is unused.
fn destructure(path: &str, fields: &Fields, siblings: &[Sibling]) -> String {
    match fields {
        Fields::Named(_) => {
            let mut bound: Vec<String> = (siblings.iter())
                .filter(|sibling| sibling.is_used())
                .map(|sibling| format!("{}: {}", sibling.name, sibling.binding()))
                .collect();
            if bound.len() < siblings.len() {
                bound.push("..".to_owned());
            }
            format!("{path} {{ {} }}", bound.join(", "))
        }
        Fields::Unnamed(_) if !siblings.iter().any(Sibling::is_used) => format!("{path}(..)"),
        Fields::Unnamed(_) => {
            let bound: Vec<&str> = (siblings.iter())
                .map(|sibling| match sibling.is_used() {
                    true => sibling.binding(),
                    false => "_",
                })
                .collect();
            format!("{path}({})", bound.join(", "))
        }
        Fields::Unit => path.to_owned(),
    }
}

/// The fields as the checks read them: a variant's (`bound`) through the variables
/// its arm binds them to, a struct's in place.
fn siblings(fields: &Fields, bound: bool) -> Vec<Sibling> {
    (fields.all().iter().enumerate())
        .map(|(i, field)| Sibling {
            name: field.member_name(),
            access: match bound {
                true => Access::Bound(format!("__mb_field_{i}")),
                false => Access::OnSelf,
            },
            path_name: field.path_name(),
            used: Cell::new(false),
        })
        .collect()
}

fn field_checks(
    fields: &Fields,
    siblings: &[Sibling],
    base: &str,
    context: Option<&syn::Type>,
    sites: &Sites,
    walk: Option<&Walk>,
    out: &mut Out,
) {
    let scope = Scope {
        siblings,
        context,
        whole: false,
        sites,
        walk,
    };
    for (field, sibling) in fields.all().iter().zip(siblings) {
        if !field.rules.iter().any(|rule| !rule.kind.alone()) {
            continue;
        }
        value_checks(
            &field.rules,
            Checked::Field(sibling),
            base,
            &field.place,
            &scope,
            out,
        );
    }
}

/// The `custom` rules on the whole value, after every field's: each may name fields,
/// found through a table of the value's fields and the node they hang from (which, for
/// an enum, depends on the variant).
/// `siblings` are a struct's fields, which the rules' arguments may name.
fn whole_value_checks(
    container: &Container,
    siblings: &[Sibling],
    sites: &Sites,
    walk: Option<&Walk>,
    out: &mut Out,
) {
    if container.customs.is_empty() {
        return;
    }
    let table = |fields: &Fields| {
        let entries: Vec<String> = (fields.all().iter())
            .map(|field| format!("({}, {})", quoted(&field.member_name()), place_expr(&field.place)))
            .collect();
        format!("&[{}]", entries.join(", "))
    };
    match &container.shape {
        Shape::Struct(fields) => {
            out.text(&format!(
                "let __mb_fields: &[::modelbuild::__private::rules::custom::FieldPlace] = {}; \
                 let __mb_fields_at: ::modelbuild::__private::PathNode<'_> = *__mb_at;",
                table(fields)
            ));
        }
        Shape::Enum(variants) if variants.is_empty() => return,
        Shape::Enum(variants) => {
            let arms: Vec<String> = (variants.iter())
                .map(|variant| {
                    let path = format!("Self::{}", variant.ident);
                    // No field is read here: the pattern binds none.
                    let pattern = destructure(&path, &variant.fields, &self::siblings(&variant.fields, true));
                    format!(
                        "{pattern} => ({}, {}),",
                        table(&variant.fields),
                        variant_node(variant)
                    )
                })
                .collect();
            out.text(&format!(
                "let (__mb_fields, __mb_fields_at): (&[::modelbuild::__private::rules::custom::FieldPlace], \
                 ::modelbuild::__private::PathNode<'_>) = match self {{ {} }};",
                arms.concat()
            ));
        }
    }
    let scope = Scope {
        siblings,
        context: container.context.as_ref(),
        whole: true,
        sites,
        walk,
    };
    if container.customs.iter().any(|rule| rule.kind.after_fields()) {
        // Whether every field passed, before any whole-value rule adds errors.
        out.text("let __mb_fields_passed = __mb_errors.len() == __mb_start;");
    }
    let asynchronous = |rule: &&Rule| walk.is_some() && rule.kind.is_async();
    for rule in container.customs.iter().filter(|rule| !asynchronous(rule)) {
        rule_call(rule, Checked::Named("self"), "__mb_at", &Place::Here, &scope, out);
    }
    // The async rules on the whole value come after the sync ones, made only when no
    // sync rule of the value (its fields', nested values' and its own) failed.
    if let Some(walk) = walk {
        walk.set_passed("__mb_errors.len() == __mb_start".to_owned());
    }
    for rule in container.customs.iter().filter(asynchronous) {
        rule_call(rule, Checked::Named("self"), "__mb_at", &Place::Here, &scope, out);
    }
}

/// The type of each `nested` field that mentions a type parameter, which must
/// implement the trait too, as serde bounds its generic fields: `Page<T>` is
/// `Validate` when `T` is.
fn nested_types(container: &Container) -> Vec<TokenStream> {
    let params: Vec<&Ident> = container.input.generics.type_params().map(|p| &p.ident).collect();
    let fields: Vec<&Field> = match &container.shape {
        Shape::Struct(fields) => fields.all().iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
    };
    fields
        .into_iter()
        .filter(|_| !params.is_empty())
        .filter(|f| f.rules.iter().any(|r| r.kind.needs_validate()))
        .map(|f| f.ty.iter().cloned().collect())
        .filter(|ty: &TokenStream| mentions(ty.clone(), &params))
        .collect()
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// The node a variant's fields hang from, as an expression: under its base name, or
/// where the enum is.
fn variant_node(variant: &Variant) -> String {
    match &variant.base {
        Some(name) => format!("__mb_at.field({})", quoted(name)),
        None => "*__mb_at".to_owned(),
    }
}
