//! [`Node`]: a document read once into memory, in document order, to be read again
//! by a deserializer that recovers from errors (`super::de`).
//!
//! serde_json's own `Value` would not do: its objects are sorted by key (errors must
//! come in document order), keep one value of a repeated key (a struct given a field
//! twice is an error to report), and own every string (a type may borrow from the
//! input).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::error::Step;

/// One value of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'de> {
    Null,
    Bool(bool),
    Number(Number),
    /// A JSON string.
    Str(Cow<'de, str>),
    /// A form's value: text that is read as whatever its field's type asks for
    /// (`PageSize=50` is an integer to an integer field).
    Text(Cow<'de, str>),
    Array(Vec<Node<'de>>),
    /// Members in document order, repeated keys kept.
    Object(Vec<(Cow<'de, str>, Node<'de>)>),
    /// A stand-in for a value that was reported (of the wrong type, missing): read as
    /// whatever its field's type asks for, so the rest of the document can be read.
    /// The hint is what to be when the type asks for anything (a value read as a
    /// whole, as an internally tagged enum's is).
    Placeholder(Hint),
}

/// What a stand-in is when its reader does not say what it wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    Unknown,
    Null,
    Bool,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl Hint {
    /// The next kind of stand-in to try, when a stand-in failed and the error said
    /// nothing of what it wanted (an untagged enum none of whose variants took it).
    pub fn next(self) -> Option<Hint> {
        Some(match self {
            Hint::Unknown | Hint::Null => Hint::Integer,
            Hint::Integer => Hint::String,
            Hint::String => Hint::Bool,
            Hint::Bool => Hint::Number,
            Hint::Number => Hint::Array,
            Hint::Array => Hint::Object,
            Hint::Object => return None,
        })
    }

    /// The hint for a value that must be `expected` (in `error::plain_expected`'s words).
    pub fn for_expected(expected: &str) -> Hint {
        match expected {
            "null" => Hint::Null,
            "a boolean" => Hint::Bool,
            "an integer" => Hint::Integer,
            "a number" => Hint::Number,
            "a string" | "a character" => Hint::String,
            "an array" => Hint::Array,
            "an object" => Hint::Object,
            _ if expected.starts_with("an integer") => Hint::Integer,
            _ => Hint::Unknown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Node<'_> {
    /// What the value is, for a message: "a string", "an object".
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(Number::Float(_)) => "a number with a fraction",
            Node::Number(_) => "an integer",
            Node::Str(_) => "a string",
            Node::Text(_) => "text",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
            Node::Placeholder(_) => "nothing",
        }
    }

    /// The value at the end of `pointer`'s tokens, when there is one.
    pub fn at<'n>(&'n self, tokens: &[String]) -> Option<&'n Self> {
        tokens.iter().try_fold(self, |node, token| node.child(token))
    }

    fn child(&self, token: &str) -> Option<&Self> {
        match self {
            Node::Object(members) => members
                .iter()
                .find(|(key, _)| key == token)
                .map(|(_, value)| value),
            Node::Array(items) => token.parse::<usize>().ok().and_then(|index| items.get(index)),
            _ => None,
        }
    }

    /// The value at `tokens`, to change it.
    pub fn at_mut<'n>(&'n mut self, tokens: &[String]) -> Option<&'n mut Self> {
        tokens.iter().try_fold(self, |node, token| match node {
            Node::Object(members) => members
                .iter_mut()
                .find(|(key, _)| key == token)
                .map(|(_, value)| value),
            Node::Array(items) => token.parse::<usize>().ok().and_then(|index| items.get_mut(index)),
            _ => None,
        })
    }
}

/// Reads a document into a [`Node`], keeping the path it has reached in `path`: when
/// the document turns out malformed, `path` is where the reading stopped.
pub(crate) struct Reader<'p> {
    pub path: &'p mut Vec<Step>,
}

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = Node<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Number::Unsigned(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Number::Signed(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Number::Float(value)))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(value)))
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        loop {
            self.path.push(Step::Index(items.len()));
            let Some(item) = seq.next_element_seed(Reader { path: self.path })? else {
                self.path.pop();
                return Ok(Node::Array(items));
            };
            self.path.pop();
            items.push(item);
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(Key)? {
            self.path.push(Step::Field(key.to_string()));
            let value = map.next_value_seed(Reader { path: self.path })?;
            self.path.pop();
            members.push((key, value));
        }
        Ok(Node::Object(members))
    }
}

/// An object's key, borrowed from the input when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value))
    }
}

/// The document order of a document's values: each value's position in a walk that
/// visits a value before its members, and where each ends, so that an error found at
/// a value, or at a member missing from an object, can be put in its place.
pub(crate) struct Order {
    /// `(pointer tokens, first position, position after its last member)`.
    spans: Vec<(Vec<String>, usize, usize)>,
}

impl Order {
    pub fn of(root: &Node<'_>) -> Order {
        let mut order = Order { spans: Vec::new() };
        let mut path = Vec::new();
        order.walk(root, &mut path);
        order.spans.sort_by(|a, b| a.0.cmp(&b.0));
        order
    }

    fn walk(&mut self, node: &Node<'_>, path: &mut Vec<String>) -> usize {
        let at = self.spans.len();
        self.spans.push((path.clone(), 0, 0));
        let mut end = at + 1;
        let mut visit = |token: String, child: &Node<'_>, order: &mut Order| {
            path.push(token);
            end = order.walk(child, path);
            path.pop();
        };
        match node {
            Node::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    visit(index.to_string(), item, self);
                }
            }
            Node::Object(members) => {
                for (key, value) in members {
                    visit(key.to_string(), value, self);
                }
            }
            _ => {}
        }
        self.spans[at] = (std::mem::take(&mut self.spans[at].0), at, end);
        end
    }

    /// Where an error at `tokens` goes: at its value, or, for a value the document
    /// does not have (a missing member), after the last member of the deepest value on
    /// its path that it has, and before whatever follows that value.
    pub fn position(&self, tokens: &[String]) -> usize {
        let find = |tokens: &[String]| {
            self.spans
                .binary_search_by(|(path, _, _)| path.as_slice().cmp(tokens))
                .ok()
                .map(|found| &self.spans[found])
        };
        if let Some((_, start, _)) = find(tokens) {
            return 2 * start;
        }
        (0..tokens.len())
            .rev()
            .find_map(|len| find(&tokens[..len]).map(|(_, _, end)| 2 * end - 1))
            .unwrap_or(0)
    }
}
