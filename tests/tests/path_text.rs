//! Distinct paths never display the same, and never point the same unless they name
//! the same place: shown by reading both forms back, with readers written here from
//! the formats' descriptions (Path's docs, RFC 6901).

use std::borrow::Cow;

use modelbuild::{Path, Segment};
use proptest::prelude::*;

/// Reads back a string written in Rust's string-literal form, from just after its
/// opening quote; returns the text and what follows the closing quote.
fn read_quoted(mut rest: &str) -> Option<(String, &str)> {
    let mut text = String::new();
    loop {
        let mut chars = rest.chars();
        match chars.next()? {
            '"' => return Some((text, chars.as_str())),
            '\\' => {
                let escaped = chars.next()?;
                match escaped {
                    '\\' | '"' | '\'' => text.push(escaped),
                    'n' => text.push('\n'),
                    'r' => text.push('\r'),
                    't' => text.push('\t'),
                    '0' => text.push('\0'),
                    'u' => {
                        let body = chars.as_str().strip_prefix('{')?;
                        let end = body.find('}')?;
                        text.push(char::from_u32(u32::from_str_radix(&body[..end], 16).ok()?)?);
                        rest = &body[end + 1..];
                        continue;
                    }
                    _ => return None,
                }
            }
            c => text.push(c),
        }
        rest = chars.as_str();
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// A plain name, or a quoted one, at the start of `rest`.
fn read_name(rest: &str) -> Option<(String, &str)> {
    if let Some(quoted) = rest.strip_prefix('"') {
        return read_quoted(quoted);
    }
    let end = rest.find(|c| !is_name_char(c)).unwrap_or(rest.len());
    (end > 0).then(|| (rest[..end].to_owned(), &rest[end..]))
}

/// Path's `Display` form, read back into segments.
fn parse_display(mut rest: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    let mut first = true;
    while !rest.is_empty() {
        if let Some(inside) = rest.strip_prefix('[') {
            let (segment, after) = if let Some(quoted) = inside.strip_prefix('"') {
                let (key, after) = read_quoted(quoted)?;
                (Segment::Key(key), after)
            } else {
                let end = inside.find(']')?;
                let token = &inside[..end];
                let segment = if token.bytes().all(|b| b.is_ascii_digit()) {
                    Segment::Index(token.parse().ok()?)
                } else {
                    Segment::Key(token.to_owned())
                };
                (segment, &inside[end..])
            };
            rest = after.strip_prefix(']')?;
            segments.push(segment);
        } else {
            let field = if first { rest } else { rest.strip_prefix('.')? };
            let (name, after) = read_name(field)?;
            segments.push(Segment::Field(Cow::Owned(name)));
            rest = after;
        }
        first = false;
    }
    Some(segments)
}

/// RFC 6901: a pointer read back into its reference tokens.
fn parse_pointer(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    (pointer[1..].split('/'))
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The token a segment is in a JSON document: a member name or an array index.
fn token(segment: &Segment) -> String {
    match segment {
        Segment::Field(name) => name.to_string(),
        Segment::Key(key) => key.clone(),
        Segment::Index(index) => index.to_string(),
    }
}

/// Names made of the characters that could confuse a reader: delimiters, quotes,
/// escapes, digits, spaces, pointer escapes, a non-ASCII letter, a control character.
fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('7'),
            Just('_'),
            Just('-'),
            Just('.'),
            Just('['),
            Just(']'),
            Just('"'),
            Just('\\'),
            Just(' '),
            Just('/'),
            Just('~'),
            Just('é'),
            Just('\n'),
            Just('\u{301}'),
        ],
        0..5,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        name().prop_map(|name| Segment::Field(Cow::Owned(name))),
        (0usize..20).prop_map(Segment::Index),
        name().prop_map(Segment::Key),
    ]
}

fn path() -> impl Strategy<Value = Vec<Segment>> {
    proptest::collection::vec(segment(), 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8_000))]

    /// Display is injective: the text reads back into exactly the segments.
    #[test]
    fn display_reads_back_into_the_same_segments(segments in path()) {
        let text = Path::from_segments(segments.clone()).to_string();
        prop_assert_eq!(parse_display(&text), Some(segments), "{}", text);
    }

    /// The pointer reads back into the segments' tokens: two paths point the same only
    /// when they name the same member names and indexes, one by one.
    #[test]
    fn the_pointer_reads_back_into_the_same_tokens(segments in path()) {
        let pointer = Path::from_segments(segments.clone()).to_json_pointer();
        let tokens: Vec<String> = segments.iter().map(token).collect();
        prop_assert_eq!(parse_pointer(&pointer), tokens, "{}", pointer);
    }

    /// And so, for any two paths: the same text means the same segments.
    #[test]
    fn distinct_paths_display_differently(a in path(), b in path()) {
        let (text_a, text_b) = (Path::from_segments(a.clone()).to_string(), Path::from_segments(b.clone()).to_string());
        prop_assert_eq!(text_a == text_b, a == b);
        let tokens = |p: &[Segment]| p.iter().map(token).collect::<Vec<_>>();
        let (pointer_a, pointer_b) = (Path::from_segments(a.clone()).to_json_pointer(), Path::from_segments(b.clone()).to_json_pointer());
        prop_assert_eq!(pointer_a == pointer_b, tokens(&a) == tokens(&b));
    }
}

#[test]
fn the_forms_in_the_docs() {
    let path = Path::from_segments(vec![
        Segment::Field("m".into()),
        Segment::Key("b][c".into()),
        Segment::Key("".into()),
        Segment::Key("2".into()),
        Segment::Index(2),
        Segment::Field("page.size".into()),
    ]);
    assert_eq!(path.to_string(), r#"m["b][c"][""]["2"][2]."page.size""#);
    assert_eq!(path.to_json_pointer(), "/m/b][c//2/2/page.size");
    assert_eq!(Path::root().to_string(), "");
    assert_eq!(Path::root().to_json_pointer(), "");
}
