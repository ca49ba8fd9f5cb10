//! The item the derive is on, read for what the derive needs of it: its attributes,
//! name, generics and fields. A field's type is kept as its tokens, not parsed: the
//! derive looks only at its spelling (see `types`) and writes it back in bounds, and
//! parsing every field's type was a seventh of the whole cost of a build that derives.
//!
//! The usual item (no generics, no where clause, no discriminant) is read by walking
//! its tokens ([`Input::read`]); anything else by syn, through [`Parse`]. Both give the
//! same `Input`.

use std::iter::Peekable;

use proc_macro2::{token_stream, Delimiter, Group, Punct, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, token, AttrStyle, Attribute, Generics, Ident, Token, Visibility};

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

impl Input {
    /// Reads the item the derive was given.
    // syn reads an item by first copying every token of it, attributes and doc comments
    // included, into a buffer, which in a user's unoptimised build was a third of the
    // derive's own work (callgrind, 2,000 derives). The walk below reads each token
    // once, straight from the compiler's streams, and looks inside an attribute only
    // to see its name. It takes the usual shapes only and leaves the rest to syn.
    pub fn read(tokens: TokenStream) -> syn::Result<Input> {
        match walk::item(tokens.clone()) {
            Some(input) => Ok(input),
            None => syn::parse2(tokens),
        }
    }
}

/// The token walk: each function returns `None` on a shape it does not take, and the
/// item is then read by syn, which also reports what is wrong with it.
mod walk {
    use super::*;

    type Trees = Peekable<token_stream::IntoIter>;

    /// `#[attrs] vis struct Name { fields }`, `(fields);` or `;`, or `enum Name { variants }`.
    pub fn item(tokens: TokenStream) -> Option<Input> {
        let mut trees = tokens.into_iter().peekable();
        let attrs = attrs(&mut trees)?;
        visibility(&mut trees);
        let keyword = ident(&mut trees)?;
        let ident = ident(&mut trees)?;
        let data = match keyword.to_string().as_str() {
            "struct" => Data::Struct(match trees.next()? {
                TokenTree::Group(group) => {
                    let fields = body(&group)?;
                    if let Fields::Unnamed(_) = fields {
                        punct(&mut trees, ';')?;
                    }
                    fields
                }
                tree if is_punct(&tree, ';') => Fields::Unit,
                _ => return None,
            }),
            "enum" => match trees.next()? {
                TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                    Data::Enum(variants(group.stream())?)
                }
                _ => return None,
            },
            _ => return None,
        };
        match trees.next() {
            None => Some(Input {
                attrs,
                ident,
                generics: Generics::default(),
                data,
            }),
            Some(_) => None,
        }
    }

    /// The outer attributes, keeping those the derive reads: `validate` and `serde`.
    fn attrs(trees: &mut Trees) -> Option<Vec<Attribute>> {
        let mut attrs = Vec::new();
        while let Some(TokenTree::Punct(pound)) = trees.peek() {
            if pound.as_char() != '#' {
                break;
            }
            let pound = pound.clone();
            trees.next();
            let group = match trees.next()? {
                TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket => group,
                _ => return None,
            };
            if let Some(attr) = attribute(&pound, &group)? {
                attrs.push(attr);
            }
        }
        Some(attrs)
    }

    /// `#[name(...)]` as syn would read it, for `validate` and `serde`; `Some(None)`
    /// for any other attribute that starts with a name (`doc`, `derive`, `cfg`...).
    fn attribute(pound: &Punct, group: &Group) -> Option<Option<Attribute>> {
        let mut inner = group.stream().into_iter();
        let name = match inner.next()? {
            TokenTree::Ident(name) => name,
            _ => return None,
        };
        // One conversion: comparing an identifier with a string converts it each time.
        if !matches!(name.to_string().as_str(), "validate" | "serde") {
            return Some(None);
        }
        let args = match (inner.next()?, inner.next()) {
            (TokenTree::Group(args), None) if args.delimiter() == Delimiter::Parenthesis => args,
            _ => return None,
        };
        Some(Some(Attribute {
            pound_token: Token![#](pound.span()),
            style: AttrStyle::Outer,
            bracket_token: token::Bracket(group.delim_span()),
            meta: syn::Meta::List(syn::MetaList {
                path: name.into(),
                delimiter: syn::MacroDelimiter::Paren(token::Paren(args.delim_span())),
                tokens: args.stream(),
            }),
        }))
    }

    /// `pub`, `pub(crate)`, `pub(in path)` or nothing.
    fn visibility(trees: &mut Trees) {
        if matches!(trees.peek(), Some(TokenTree::Ident(word)) if word == "pub") {
            trees.next();
            if matches!(trees.peek(), Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis)
            {
                trees.next();
            }
        }
    }

    fn ident(trees: &mut Trees) -> Option<Ident> {
        match trees.next()? {
            TokenTree::Ident(ident) => Some(ident),
            _ => None,
        }
    }

    fn punct(trees: &mut Trees, ch: char) -> Option<()> {
        trees.next().filter(|tree| is_punct(tree, ch)).map(drop)
    }

    /// The fields of a struct or variant: `{ ... }` or `( ... )`.
    fn body(group: &Group) -> Option<Fields> {
        match group.delimiter() {
            Delimiter::Brace => Some(Fields::Named(fields(group.stream(), true)?)),
            Delimiter::Parenthesis => Some(Fields::Unnamed(fields(group.stream(), false)?)),
            _ => None,
        }
    }

    /// The fields of `{ ... }` (`named`) or `( ... )`.
    fn fields(tokens: TokenStream, named: bool) -> Option<Vec<Field>> {
        let mut trees = tokens.into_iter().peekable();
        let mut fields = Vec::new();
        while trees.peek().is_some() {
            let attrs = attrs(&mut trees)?;
            visibility(&mut trees);
            let ident = match named {
                true => {
                    let ident = ident(&mut trees)?;
                    punct(&mut trees, ':')?;
                    Some(ident)
                }
                false => None,
            };
            let ty = type_tokens(&mut trees);
            if ty.is_empty() {
                return None;
            }
            fields.push(Field { attrs, ident, ty });
        }
        Some(fields)
    }

    /// A type's tokens, up to and past the `,` that ends it, as `super::type_tokens`.
    fn type_tokens(trees: &mut Trees) -> Vec<TokenTree> {
        let mut tokens = Vec::new();
        let mut angles = Angles::default();
        for tree in trees.by_ref() {
            if angles.separates(&tree) {
                break;
            }
            tokens.push(tree);
        }
        tokens
    }

    /// An enum's variants; one with a discriminant is left to syn.
    fn variants(tokens: TokenStream) -> Option<Vec<Variant>> {
        let mut trees = tokens.into_iter().peekable();
        let mut variants = Vec::new();
        while trees.peek().is_some() {
            let attrs = attrs(&mut trees)?;
            visibility(&mut trees);
            let ident = ident(&mut trees)?;
            let fields = match trees.peek() {
                Some(TokenTree::Group(group)) => {
                    let fields = body(group)?;
                    trees.next();
                    fields
                }
                _ => Fields::Unit,
            };
            match trees.next() {
                None => {}
                Some(tree) if is_punct(&tree, ',') => {}
                Some(_) => return None,
            }
            variants.push(Variant { attrs, ident, fields });
        }
        Some(variants)
    }
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
            if angles.separates(&tree) {
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

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    /// What the derive reads of an item, as text: the `validate` and `serde`
    /// attributes (the others are not kept by the walk), the name, the generics and
    /// every field with its attributes and type.
    fn describe(input: &Input) -> String {
        fn attrs(attrs: &[Attribute]) -> String {
            let read = attrs
                .iter()
                .filter(|attr| attr.path().is_ident("validate") || attr.path().is_ident("serde"));
            read.map(|attr| attr.to_token_stream().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        }
        fn fields(fields: &Fields) -> String {
            let kind = match fields {
                Fields::Named(_) => "named",
                Fields::Unnamed(_) => "unnamed",
                Fields::Unit => "unit",
            };
            let each = fields.iter().map(|field| {
                let ty: TokenStream = field.ty.iter().cloned().collect();
                let name = field.ident.as_ref().map(Ident::to_string).unwrap_or_default();
                format!("[{}] {name}: {ty}", attrs(&field.attrs))
            });
            format!("{kind} {{{}}}", each.collect::<Vec<_>>().join(", "))
        }
        let data = match &input.data {
            Data::Struct(struct_fields) => fields(struct_fields),
            Data::Enum(variants) => {
                let each = variants
                    .iter()
                    .map(|v| format!("[{}] {} {}", attrs(&v.attrs), v.ident, fields(&v.fields)));
                format!("enum {}", each.collect::<Vec<_>>().join("; "))
            }
            Data::Union(_) => "union".to_owned(),
        };
        let generics = input.generics.to_token_stream().to_string();
        format!("[{}] {}{generics} {data}", attrs(&input.attrs), input.ident)
    }

    fn both(source: &str) -> (Option<Input>, Input) {
        let tokens: TokenStream = source.parse().unwrap();
        (walk::item(tokens.clone()), syn::parse2(tokens).unwrap())
    }

    #[test]
    fn the_walk_reads_what_syn_reads() {
        let items = [
            "#[derive(Clone)] /// docs\n #[serde(rename_all = \"camelCase\")] pub struct Build { \
             #[validate(sid(prefix = \"UG\"))] pub sid: Option<String>, \
             /// the name\n #[serde(rename = \"n\")] #[validate(length(max = 64))] pub(crate) name: Vec<(u8, String)>, \
             plain: std::collections::HashMap<String, fn(u8) -> Option<u8>>, r#type: u8 }",
            "struct Tuple(#[validate(range(min = 0))] pub i64, Box<dyn Fn(u8, u8) -> u8>);",
            "struct Unit;",
            "pub(in crate::a) struct Empty {}",
            "#[validate(custom = whole)] enum Status { A, #[serde(rename = \"b\")] B(#[validate(email)] String), \
             C { #[validate(url)] link: String, other: [u8; 4] }, }",
            "enum Never {}",
        ];
        for source in items {
            let (walked, parsed) = both(source);
            let walked = walked.unwrap_or_else(|| panic!("the walk declined {source}"));
            assert_eq!(describe(&walked), describe(&parsed), "{source}");
        }
    }

    #[test]
    fn the_walk_leaves_other_shapes_to_syn() {
        let items = [
            "struct Generic<T> { value: T }",
            "struct Bounded where u8: Copy { value: u8 }",
            "struct Tuple(u8) where u8: Copy;",
            "enum Shifted { A = 1 << 2, B }",
            "union Both { a: u8, b: i8 }",
            "struct Bare { #[validate] value: u8 }",
            "struct Valued { #[validate = \"x\"] value: u8 }",
            "#[serde::something] struct Pathed { value: u8 }",
        ];
        for source in items {
            let tokens: TokenStream = source.parse().unwrap();
            assert!(walk::item(tokens).is_none(), "{source}");
        }
    }
}
