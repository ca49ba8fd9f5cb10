//! The checked model -> the `JsonSchemaRules` impl (modelbuild's feature `schemars`),
//! which writes each field's rules into the schema schemars made for the type.
//!
//! It finds each field's schema where schemars puts it: an object's `properties`, a
//! tuple's `prefixItems`, the value's own schema for a newtype; an enum's variant by
//! serde's tagging. Each rule's `json_schema` gives the statements for one schema.

use proc_macro2::TokenStream;
use quote::quote;

use proc_macro::Delimiter;

use crate::out::Out;
use crate::parse::{Container, Fields, Layout, Shape};
use crate::toolkit::Place;

pub fn impl_rules(container: &Container, out: &mut Out) {
    let body = match &container.shape {
        Shape::Struct(fields) => {
            let fields = field_rules(fields);
            quote! {
                let __mb_parent = __mb_root;
                #fields
            }
        }
        Shape::Enum(variants) => {
            let variants = variants.iter().filter_map(|variant| {
                let fields = field_rules(&variant.fields);
                if fields.is_empty() {
                    return None;
                }
                let (tagging, name) = match variant.layout.as_ref()? {
                    Layout::External { name } => (quote!(External), name.clone()),
                    Layout::Internal { tag, name } => (quote!(Internal { tag: #tag }), name.clone()),
                    Layout::Adjacent { tag, content, name } => {
                        (quote!(Adjacent { tag: #tag, content: #content }), name.clone())
                    }
                    Layout::Untagged { index } => (quote!(Untagged { index: #index }), variant.ident.to_string()),
                };
                Some(quote! {
                    if let ::core::option::Option::Some(__mb_parent) = ::modelbuild::__private::schema::variant(
                        &mut *__mb_root,
                        ::modelbuild::__private::schema::Tagging::#tagging,
                        #name,
                    ) {
                        #fields
                    }
                })
            });
            quote!(#(#variants)*)
        }
    };
    rules_impl(container.input, out, body)
}

/// The impl with `body`, which may use `__mb_root`; an empty one stands in when the
/// derive reports errors, so that a `transform` naming it does not add one.
pub fn rules_impl(input: &crate::input::Input, out: &mut Out, body: TokenStream) {
    let trait_ = |out: &mut Out| {
        out.text("::modelbuild::__private::schema::JsonSchemaRules");
    };
    crate::emit::wrap_impl(out, input, &[], &trait_, &[], |out| {
        out.text("fn apply_rules(__mb_root: &mut ::modelbuild::__private::schema::Schema)")
            .group(Delimiter::Brace, proc_macro2::Span::call_site(), |out| {
                out.tokens(body);
            });
    });
}

/// The statements for every field of `fields` whose rules JSON Schema can state, each
/// in the field's schema inside `__mb_parent`.
fn field_rules(fields: &Fields) -> TokenStream {
    let rt = quote!(::modelbuild::__private);
    let statements = fields.all().iter().filter_map(|field| {
        let writes: Vec<TokenStream> = field.rules.iter().filter_map(|rule| rule.kind.json_schema(&rt)).collect();
        if writes.is_empty() {
            return None;
        }
        let required = field.rules.iter().any(|rule| rule.name == "required");
        Some(match &field.place {
            Place::Field(name) => {
                let require = required.then(|| quote!(#rt::schema::require(__mb_parent, #name);));
                quote! {
                    if let ::core::option::Option::Some(__mb_schema) = #rt::schema::property(__mb_parent, #name) {
                        #(#writes)*
                    }
                    #require
                }
            }
            Place::Index(index) => quote! {
                if let ::core::option::Option::Some(__mb_schema) = #rt::schema::item(__mb_parent, #index) {
                    #(#writes)*
                }
            },
            Place::Here => quote! {
                {
                    let __mb_schema: &mut #rt::schema::Schema = &mut *__mb_parent;
                    #(#writes)*
                }
            },
        })
    });
    quote!(#(#statements)*)
}
