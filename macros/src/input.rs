//! The item the derive is on, read for what the derive needs of it: its attributes,
//! name, generics and fields. A field's type is kept as its tokens, not parsed: the
//! derive looks only at its spelling (see `types`) and writes it back in bounds, and
//! parsing every field's type was a seventh of the whole cost of a build that derives.

use proc_macro2::{Delimiter, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, token, Attribute, Generics, Ident, Token, Visibility};

use crate::types::{is_punct, Angles};

pub struct Input {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub generics: Generics,
    pub data: Data,
}

pub enum Data {
    Struct(Fields),
    Enum(Vec<Variant>),
    Union(Token![union]),
}

pub struct Variant {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub fields: Fields,
}

pub enum Fields {
    Named(Vec<Field>),
    Unnamed(Vec<Field>),
    Unit,
}

impl Fields {
    pub fn iter(&self) -> std::slice::Iter<'_, Field> {
        match self {
            Fields::Named(fields) | Fields::Unnamed(fields) => fields.iter(),
            Fields::Unit => [].iter(),
        }
    }

    pub fn len(&self) -> usize {
        self.iter().len()
    }
}

pub struct Field {
    pub attrs: Vec<Attribute>,
    /// `None` in a tuple.
    pub ident: Option<Ident>,
    /// The type's tokens, as written.
    pub ty: Vec<TokenTree>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        let lookahead = input.lookahead1();
        let (is_enum, union) = if lookahead.peek(Token![struct]) {
            input.parse::<Token![struct]>()?;
            (false, None)
        } else if lookahead.peek(Token![enum]) {
            input.parse::<Token![enum]>()?;
            (true, None)
        } else if lookahead.peek(Token![union]) {
            (false, Some(input.parse::<Token![union]>()?))
        } else {
            return Err(lookahead.error());
        };
        let ident = input.parse()?;
        let mut generics: Generics = input.parse()?;
        generics.where_clause = input.parse()?;
        let data = if is_enum {
            let content;
            braced!(content in input);
            let variants = content.parse_terminated(Variant::parse, Token![,])?;
            Data::Enum(variants.into_iter().collect())
        } else {
            // A tuple struct's where clause comes after its fields.
            let fields = if generics.where_clause.is_none() && input.peek(token::Paren) {
                let fields = unnamed(input)?;
                generics.where_clause = input.parse()?;
                input.parse::<Token![;]>()?;
                fields
            } else if input.peek(token::Brace) {
                named(input)?
            } else {
                input.parse::<Token![;]>()?;
                Fields::Unit
            };
            match union {
                Some(token) => Data::Union(token),
                None => Data::Struct(fields),
            }
        };
        Ok(Input {
            attrs,
            ident,
            generics,
            data,
        })
    }
}

impl Parse for Variant {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        let ident = input.parse()?;
        let fields = if input.peek(token::Brace) {
            named(input)?
        } else if input.peek(token::Paren) {
            unnamed(input)?
        } else {
            Fields::Unit
        };
        if input.parse::<Option<Token![=]>>()?.is_some() {
            input.parse::<syn::Expr>()?;
        }
        Ok(Variant { attrs, ident, fields })
    }
}

/// `{ a: A, b: B }`
fn named(input: ParseStream) -> syn::Result<Fields> {
    let content;
    braced!(content in input);
    let fields = content.parse_terminated(|input| field(input, true), Token![,])?;
    Ok(Fields::Named(fields.into_iter().collect()))
}

/// `(A, B)`
fn unnamed(input: ParseStream) -> syn::Result<Fields> {
    let content;
    parenthesized!(content in input);
    let fields = content.parse_terminated(|input| field(input, false), Token![,])?;
    Ok(Fields::Unnamed(fields.into_iter().collect()))
}

/// One field: `#[attrs] pub name: Type`, or without `name:` in a tuple.
fn field(input: ParseStream, named: bool) -> syn::Result<Field> {
    let attrs = input.call(Attribute::parse_outer)?;
    input.parse::<Visibility>()?;
    let ident = match named {
        true => {
            let ident = input.parse()?;
            input.parse::<Token![:]>()?;
            Some(ident)
        }
        false => None,
    };
    Ok(Field {
        attrs,
        ident,
        ty: type_tokens(input)?,
    })
}

/// The tokens of a type, up to the `,` that ends it or the end of the fields. A type's
/// only commas outside a group are between `<` and its `>` (see `Angles`).
fn type_tokens(input: ParseStream) -> syn::Result<Vec<TokenTree>> {
    input.step(|cursor| {
        let mut tokens = Vec::new();
        let mut angles = Angles::default();
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if angles.step(&tree) == 0 && is_punct(&tree, ',') {
                break;
            }
            tokens.push(tree);
            rest = next;
        }
        match tokens.is_empty() {
            true => Err(cursor.error("expected a type")),
            false => Ok((tokens, rest)),
        }
    })
}

/// The tokens inside a group that has no delimiters, or parentheses: what a type in a
/// `macro_rules!` fragment or `(T)` holds.
pub fn inside(tree: &TokenTree, delimiter: Delimiter) -> Option<Vec<TokenTree>> {
    match tree {
        TokenTree::Group(group) if group.delimiter() == delimiter => {
            Some(group.stream().into_iter().collect())
        }
        _ => None,
    }
}
