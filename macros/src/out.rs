//! Writing the derive's output, cheaply.
//!
//! The derive runs unoptimised in a user's debug build, where building tokens with
//! `quote!` costs about a thousand instructions a token: that was the largest part of
//! the derive's own work. [`Out`] writes the tokens that carry no span of the user's
//! as source text, which the compiler reads in one go, and builds the others (the
//! ones an error must point at) directly as the compiler's own tokens.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};

/// The output of one derive, in order: finished pieces, then either text or token
/// trees not yet made into a piece (never both).
#[derive(Default)]
pub struct Out {
    pieces: Vec<TokenStream>,
    text: String,
    trees: Vec<TokenTree>,
}

impl Out {
    pub fn new() -> Out {
        Out::default()
    }

    /// Tokens written as source, which get the derive's call-site span, as
    /// `quote!`'s own tokens do. `text` must hold whole groups.
    pub fn text(&mut self, text: &str) -> &mut Out {
        if !self.trees.is_empty() {
            self.flush_trees();
        }
        self.text.push_str(text);
        self.text.push(' ');
        self
    }

    /// One token.
    pub fn tree(&mut self, tree: impl Into<TokenTree>) -> &mut Out {
        if !self.text.is_empty() {
            self.flush_text();
        }
        self.trees.push(tree.into());
        self
    }

    /// An identifier spanned at `span`; a raw one (`r#type`) stays raw.
    pub fn ident(&mut self, name: &str, span: proc_macro2::Span) -> &mut Out {
        let span = span.unwrap();
        let ident = match name.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, span),
            None => Ident::new(name, span),
        };
        self.tree(ident)
    }

    /// One of syn's identifiers, with its own span.
    pub fn ident2(&mut self, ident: &proc_macro2::Ident) -> &mut Out {
        self.ident(&ident.to_string(), ident.span())
    }

    /// A punctuation character; `joint` when the next one is part of the same
    /// operator (the first `:` of `::`).
    pub fn punct(&mut self, ch: char, joint: bool, span: proc_macro2::Span) -> &mut Out {
        let spacing = match joint {
            true => Spacing::Joint,
            false => Spacing::Alone,
        };
        let mut punct = Punct::new(ch, spacing);
        punct.set_span(span.unwrap());
        self.tree(punct)
    }

    /// `::`
    pub fn colon2(&mut self, span: proc_macro2::Span) -> &mut Out {
        self.punct(':', true, span).punct(':', false, span)
    }

    /// `::modelbuild::__private`, the runtime, each token spanned at `span`.
    pub fn rt(&mut self, span: proc_macro2::Span) -> &mut Out {
        self.colon2(span).path(&["modelbuild", "__private"], span)
    }

    /// `a::b::c`, each segment spanned at `span`.
    pub fn path(&mut self, segments: &[&str], span: proc_macro2::Span) -> &mut Out {
        for (index, segment) in segments.iter().enumerate() {
            if index > 0 {
                self.colon2(span);
            }
            self.ident(segment, span);
        }
        self
    }

    /// A string literal.
    pub fn string(&mut self, value: &str, span: proc_macro2::Span) -> &mut Out {
        let mut literal = Literal::string(value);
        literal.set_span(span.unwrap());
        self.tree(literal)
    }

    /// An unsuffixed integer literal.
    pub fn usize(&mut self, value: usize, span: proc_macro2::Span) -> &mut Out {
        let mut literal = Literal::usize_unsuffixed(value);
        literal.set_span(span.unwrap());
        self.tree(literal)
    }

    /// A group spanned at `span`, holding what `inside` writes.
    pub fn group(
        &mut self,
        delimiter: Delimiter,
        span: proc_macro2::Span,
        inside: impl FnOnce(&mut Out),
    ) -> &mut Out {
        let mut inner = Out::new();
        inside(&mut inner);
        let mut group = Group::new(delimiter, inner.finish());
        group.set_span(span.unwrap());
        self.tree(group)
    }

    /// Tokens made elsewhere (a user's expression or type), with their own spans.
    pub fn tokens(&mut self, tokens: impl quote::ToTokens) -> &mut Out {
        self.flush_text();
        self.flush_trees();
        self.pieces.push(tokens.into_token_stream().into());
        self
    }

    /// What `other` wrote, after what this one has.
    pub fn extend(&mut self, mut other: Out) -> &mut Out {
        self.flush_text();
        self.flush_trees();
        other.flush_text();
        other.flush_trees();
        self.pieces.append(&mut other.pieces);
        self
    }

    /// Everything written, as one stream.
    pub fn finish(mut self) -> TokenStream {
        self.flush_text();
        self.flush_trees();
        match self.pieces.len() {
            1 => self.pieces.pop().unwrap_or_default(),
            _ => self.pieces.into_iter().collect(),
        }
    }

    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let piece = self
            .text
            .parse()
            .unwrap_or_else(|_| panic!("the derive wrote source that does not lex: {}", self.text));
        self.pieces.push(piece);
        self.text.clear();
    }

    fn flush_trees(&mut self) {
        if !self.trees.is_empty() {
            self.pieces.push(self.trees.drain(..).collect());
        }
    }
}

/// A string's literal in source: `"..."` with what must be escaped escaped.
pub fn quoted(value: &str) -> String {
    format!("{value:?}")
}
