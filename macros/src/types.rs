//! What a field's type is, as far as its spelling tells. Only std's own names are
//! recognised, and only to report a rule that can never apply earlier and more clearly
//! than the trait error would; anything else is left to the compiler's trait checks.

use proc_macro2::{Delimiter, Spacing, TokenTree};

use crate::input::inside;

#[derive(Clone, Copy, PartialEq)]
pub enum Base {
    Text,
    Number,
    Other(&'static str),
    Collection,
}

#[derive(Clone, Copy)]
pub struct TypeKind {
    pub base: Base,
    pub optional: bool,
}

impl TypeKind {
    /// The kind of the type `ty` is spelled as, or `None` when the spelling does not
    /// tell. `Option`, `Box`, `Rc` and `Arc` are looked through, as are references and
    /// parentheses.
    pub fn of(ty: &[TokenTree]) -> Option<TypeKind> {
        kind(ty, false)
    }

    /// How messages name the field's type: "a string", "bool", ...
    pub fn describe(self) -> &'static str {
        match self.base {
            Base::Text => "a string",
            Base::Number => "a number",
            Base::Collection => "a collection",
            Base::Other(name) => name,
        }
    }
}

fn kind(ty: &[TokenTree], optional: bool) -> Option<TypeKind> {
    let collection = Some(TypeKind {
        base: Base::Collection,
        optional,
    });
    match ty {
        [TokenTree::Punct(and), rest @ ..] if and.as_char() == '&' => kind(referent(rest), optional),
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Bracket => collection,
        [group @ TokenTree::Group(_)] => {
            let elem = inside(group, Delimiter::None).or_else(|| parenthesized_type(group))?;
            kind(&elem, optional)
        }
        _ => {
            let (name, arguments) = last_segment(ty)?;
            let base = match name.as_str() {
                "Option" | "Box" | "Rc" | "Arc" => {
                    let optional = optional || name == "Option";
                    return kind(single_type_argument(arguments?)?, optional);
                }
                "String" | "str" => Base::Text,
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
                | "usize" | "f32" | "f64" => Base::Number,
                "bool" => Base::Other("bool"),
                "char" => Base::Other("char"),
                "Vec" | "VecDeque" | "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" => Base::Collection,
                _ => return None,
            };
            Some(TypeKind { base, optional })
        }
    }
}

/// What a reference refers to: past its lifetime and `mut`.
fn referent(mut ty: &[TokenTree]) -> &[TokenTree] {
    if let [TokenTree::Punct(quote), TokenTree::Ident(_), rest @ ..] = ty {
        if quote.as_char() == '\'' {
            ty = rest;
        }
    }
    match ty {
        [TokenTree::Ident(word), rest @ ..] if word == "mut" => rest,
        _ => ty,
    }
}

/// `(T)` is `T`; `()` and `(T,)` are tuples.
fn parenthesized_type(group: &TokenTree) -> Option<Vec<TokenTree>> {
    let elem = inside(group, Delimiter::Parenthesis)?;
    let tuple = elem.is_empty() || split_top_level(&elem).len() > 1 || ends_with_comma(&elem);
    (!tuple).then_some(elem)
}

fn ends_with_comma(tokens: &[TokenTree]) -> bool {
    tokens.last().is_some_and(|last| is_punct(last, ','))
}

/// The name of a path type's last segment and the tokens between its `<` and `>`, if
/// it has them; `None` when `ty` is not a plain path (`<T as Trait>::X`, `dyn Trait`,
/// `impl Trait`, `fn()`, a path followed by anything).
fn last_segment(ty: &[TokenTree]) -> Option<(String, Option<&[TokenTree]>)> {
    let mut rest = match ty {
        [TokenTree::Punct(a), TokenTree::Punct(b), rest @ ..] if is_colon2(a, b) => rest,
        _ => ty,
    };
    loop {
        let TokenTree::Ident(ident) = rest.first()? else {
            return None;
        };
        let name = ident.to_string();
        if matches!(name.as_str(), "dyn" | "impl" | "fn" | "for" | "unsafe" | "extern") {
            return None;
        }
        rest = &rest[1..];
        let mut arguments = None;
        if let Some(TokenTree::Punct(open)) = rest.first() {
            if open.as_char() == '<' {
                let close = closing_angle(rest)?;
                arguments = Some(&rest[1..close]);
                rest = &rest[close + 1..];
            }
        }
        match rest {
            [] => return Some((name, arguments)),
            [TokenTree::Punct(a), TokenTree::Punct(b), tail @ ..] if is_colon2(a, b) => rest = tail,
            _ => return None,
        }
    }
}

fn is_colon2(a: &proc_macro2::Punct, b: &proc_macro2::Punct) -> bool {
    a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
}

/// How deep inside `<` and `>` a run of a type's tokens is, token by token. Angle
/// brackets are not groups, so they are counted; the `>` of `->` closes nothing.
#[derive(Default)]
pub struct Angles {
    depth: usize,
    after_minus: bool,
}

impl Angles {
    /// Takes the next token; returns the depth after it.
    pub fn step(&mut self, tree: &TokenTree) -> usize {
        let ch = match tree {
            TokenTree::Punct(punct) => Some(punct.as_char()),
            _ => None,
        };
        match ch {
            Some('<') => self.depth += 1,
            Some('>') if !self.after_minus => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        self.after_minus = ch == Some('-');
        self.depth
    }

    /// Takes the next token; whether it is a comma outside every `<` and `>`, which
    /// ends a type or a generic argument.
    pub fn separates(&mut self, tree: &TokenTree) -> bool {
        self.step(tree) == 0 && is_punct(tree, ',')
    }
}

/// Whether `tree` is the punctuation `ch`.
pub fn is_punct(tree: &TokenTree, ch: char) -> bool {
    matches!(tree, TokenTree::Punct(punct) if punct.as_char() == ch)
}

/// The position of the `>` that closes the `<` at `tokens[0]`.
fn closing_angle(tokens: &[TokenTree]) -> Option<usize> {
    let mut angles = Angles::default();
    tokens.iter().position(|tree| angles.step(tree) == 0)
}

/// The arguments between `<` and `>`, split at their own commas.
fn split_top_level(tokens: &[TokenTree]) -> Vec<&[TokenTree]> {
    let mut angles = Angles::default();
    let mut parts: Vec<&[TokenTree]> = tokens.split(|tree| angles.separates(tree)).collect();
    // A trailing comma ends the last argument rather than starting another.
    if parts.last().is_some_and(|last| last.is_empty()) {
        parts.pop();
    }
    parts
}

/// The one argument of `Option<T>` and the like, when it is a type: not a lifetime,
/// a constant or an associated type's binding.
fn single_type_argument(arguments: &[TokenTree]) -> Option<&[TokenTree]> {
    let [argument] = split_top_level(arguments)[..] else {
        return None;
    };
    match argument {
        [TokenTree::Punct(quote), ..] if quote.as_char() == '\'' => None,
        [TokenTree::Literal(_), ..] => None,
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Brace => None,
        [TokenTree::Ident(_), TokenTree::Punct(eq), ..] if eq.as_char() == '=' || eq.as_char() == ':' => {
            // `Item = T`, `Item: Bound`; but `a::B` is a path.
            match eq.as_char() == ':' && eq.spacing() == Spacing::Joint {
                true => Some(argument),
                false => None,
            }
        }
        _ => Some(argument),
    }
}
