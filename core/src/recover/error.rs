//! [`Error`]: what the recovering deserializer's reads fail with, kept structured (which
//! field is missing, which variant unknown) and placed once known; and how each becomes
//! a [`FieldError`] with its code, message and parameters.

use std::borrow::Cow;
use std::fmt::{self, Display};

use serde::de::{self, Expected, Unexpected};

use crate::error::{FieldError, Path, Segment};
use crate::params::{ParamValue, Params};

/// One step of a path as the deserializer walks it: a struct's field, a map's key or
/// an array's index; kept apart so that paths print as the derive's do (`a.b`, `m[k]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    Field(String),
    Key(String),
    Index(usize),
}

impl Step {
    /// The step as a JSON Pointer token.
    pub fn token(&self) -> String {
        match self {
            Step::Field(name) | Step::Key(name) => name.clone(),
            Step::Index(index) => index.to_string(),
        }
    }
}

/// What went wrong, as serde's derived code and visitors say it, and as the
/// deserializer itself finds it.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// A value of another kind: a string where an integer goes. `value` is what serde
    /// saw, when it is a scalar, to find it in a value read as a whole (an internally
    /// tagged enum's).
    Type {
        expected: String,
        found: String,
        value: Option<Scalar>,
    },
    /// A value of the right kind that the type refuses: `300` for a `u8`.
    Value {
        expected: String,
        found: String,
        value: Option<Scalar>,
    },
    /// A sequence of the wrong length.
    Length {
        expected: String,
        len: usize,
    },
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    UnknownField {
        expected: &'static [&'static str],
    },
    Missing {
        field: &'static str,
    },
    /// A struct's field given twice, found by the struct.
    Duplicate {
        field: &'static str,
    },
    /// A key given twice, found by the reader (a form's parameter): the path is the key.
    Repeated,
    /// A map's key that is not what the map's key type asks (`"x"` for a `u32` key).
    Key {
        expected: String,
    },
    /// A message of the type's own (a date that does not parse).
    Custom(String),
    /// The document is not JSON: `line` and `column` where it stops being JSON.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    /// A form's bytes that do not decode: a bad escape (at `offset` in the body), or
    /// invalid UTF-8.
    Encoding {
        message: String,
        offset: Option<usize>,
    },
}

/// A scalar serde saw where it did not belong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(String),
}

impl Scalar {
    fn of(unexpected: &Unexpected<'_>) -> Option<Scalar> {
        Some(match *unexpected {
            Unexpected::Unit => Scalar::Null,
            Unexpected::Bool(value) => Scalar::Bool(value),
            Unexpected::Unsigned(value) => Scalar::Unsigned(value),
            Unexpected::Signed(value) => Scalar::Signed(value),
            Unexpected::Float(value) => Scalar::Float(value),
            Unexpected::Str(value) => Scalar::Str(value.to_owned()),
            Unexpected::Char(value) => Scalar::Str(value.to_string()),
            _ => return None,
        })
    }
}

/// What an error teaches about a type, so that the next reading reports the same
/// mistake elsewhere without failing on it: keyed by the address of the type's list
/// of field or variant names, which serde's derive makes one constant per type.
#[derive(Debug, Clone)]
pub(crate) enum Learned {
    /// The struct refuses unknown fields.
    DeniesUnknown { id: Names },
    /// The struct needs `field`; `keys` were the object's other keys when it was found
    /// missing, none of them an alias of it.
    Required {
        id: Names,
        field: &'static str,
        keys: Vec<String>,
    },
    /// The enum has no `#[serde(other)]` variant: a name not in its list is an error.
    Closed { id: Names },
}

/// A type's list of names, by address and length.
pub(crate) type Names = (usize, usize);

pub(crate) fn names_id(names: &'static [&'static str]) -> Names {
    (names.as_ptr() as usize, names.len())
}

/// An error of the recovering deserializer, boxed: every read returns a `Result` with
/// it, and a small error keeps the usual, successful read cheap.
#[derive(Debug, Clone)]
pub(crate) struct Error(Box<Found>);

impl std::ops::Deref for Error {
    type Target = Found;

    fn deref(&self) -> &Found {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Found {
        &mut self.0
    }
}

/// What an error says: its kind, where it is once the part of the deserializer that
/// read the value it is about has placed it, and what it teaches.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: Kind,
    pub path: Option<Vec<Step>>,
    pub learned: Option<Learned>,
    /// An unknown variant found in a tag (an adjacently or internally tagged enum's),
    /// whose object holds the variant's content.
    pub tag: bool,
    /// A missing field that is none of the struct's own where it was placed: a field of
    /// a value inside it that serde read out of sight (buffered content).
    pub deep: bool,
}

impl Error {
    pub fn new(kind: Kind) -> Self {
        Error(Box::new(Found {
            kind,
            path: None,
            learned: None,
            tag: false,
            deep: false,
        }))
    }

    /// The same error, placed at `path` unless something deeper placed it first.
    pub fn placed(mut self, path: impl FnOnce() -> Vec<Step>) -> Self {
        if self.path.is_none() {
            self.path = Some(path());
        }
        self
    }

    /// Where the error is: a missing or repeated field is a member of the object it
    /// was found reading.
    pub fn location(&self) -> Vec<Step> {
        let mut path = self.path.clone().unwrap_or_default();
        match &self.kind {
            Kind::Missing { field } | Kind::Duplicate { field } => {
                path.push(Step::Field((*field).to_owned()))
            }
            _ => {}
        }
        path
    }

    /// The error as the list reports it.
    pub fn to_field_error(&self) -> FieldError {
        let path = to_path(&self.location());
        let (code, message, params): (&'static str, String, Params) = match &self.kind {
            Kind::Type { expected, found, .. } if found.is_empty() => (
                "type",
                format!("must be {expected}"),
                Params::new().with("expected", expected.clone()),
            ),
            Kind::Type { expected, found, .. } => (
                "type",
                format!("must be {expected}, not {found}"),
                Params::new()
                    .with("expected", expected.clone())
                    .with("found", found.clone()),
            ),
            Kind::Value { expected, found, .. } => (
                "type",
                format!("must be {expected}"),
                Params::new()
                    .with("expected", expected.clone())
                    .with("found", found.clone()),
            ),
            Kind::Length { expected, len } => (
                "type",
                format!("must be {expected}, not {len} items"),
                Params::new()
                    .with("expected", expected.clone())
                    .with("length", *len),
            ),
            Kind::UnknownVariant { variant, expected } => {
                let one_of = one_of(expected);
                (
                    "unknown_variant",
                    format!("must be {one_of}, not {:?}", shortened(variant)),
                    Params::new()
                        .with("expected", one_of)
                        .with("found", shortened(variant)),
                )
            }
            Kind::UnknownField { expected, .. } => (
                "unknown_field",
                match expected.is_empty() {
                    true => "is not a field here: this object takes none".to_owned(),
                    false => format!("is not a field here; the fields are {}", expected.join(", ")),
                },
                Params::new().with("expected", ParamValue::List(list(expected))),
            ),
            Kind::Key { expected } => (
                "type",
                format!("is a key that must be {expected}"),
                Params::new()
                    .with("expected", expected.clone())
                    .with("found", "a key that is not"),
            ),
            Kind::Encoding { message, offset } => (
                "syntax",
                message.clone(),
                match offset {
                    Some(offset) => Params::new().with("offset", *offset),
                    None => Params::new(),
                },
            ),
            Kind::Missing { .. } => ("missing", "is missing".to_owned(), Params::new()),
            Kind::Duplicate { .. } | Kind::Repeated => {
                ("duplicate", "is given more than once".to_owned(), Params::new())
            }
            Kind::Custom(message) => ("invalid", message.clone(), Params::new()),
            Kind::Syntax {
                message,
                line,
                column,
            } => (
                "syntax",
                format!("is not valid JSON: {message} (line {line}, column {column})"),
                Params::new().with("line", *line).with("column", *column),
            ),
        };
        FieldError::new(path, code, message).with_params(params)
    }
}

/// `one of a, b, c` (`one of nothing` for an enum with no variant to read).
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing: no variant can be read".to_owned(),
        [one] => format!("{one:?}"),
        names => format!("one of {}", names.join(", ")),
    }
}

fn list(names: &'static [&'static str]) -> Cow<'static, [Cow<'static, str>]> {
    Cow::Owned(names.iter().map(|name| Cow::Borrowed(*name)).collect())
}

/// Text from the input as a message may echo it: at most 64 characters, so that a
/// hostile megabyte of key is not sent back.
pub(crate) fn shortened(text: &str) -> String {
    match text.char_indices().nth(64) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

pub(crate) fn to_path(steps: &[Step]) -> Path {
    Path::from_segments(
        steps
            .iter()
            .map(|step| match step {
                Step::Field(name) => Segment::Field(Cow::Owned(name.clone())),
                Step::Key(key) => Segment::Key(key.clone()),
                Step::Index(index) => Segment::Index(*index),
            })
            .collect(),
    )
}

/// serde's names for what a type expects, in the words of a JSON document: `u32` is
/// "an integer", `a sequence` "an array", `struct Build` "an object".
pub(crate) fn plain_expected(expected: &dyn Expected) -> String {
    let text = expected.to_string();
    match text.as_str() {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            "an integer".to_owned()
        }
        "f32" | "f64" => "a number".to_owned(),
        "a borrowed string" | "a string" => "a string".to_owned(),
        "a sequence" => "an array".to_owned(),
        "a map" => "an object".to_owned(),
        "unit" => "null".to_owned(),
        _ if text.starts_with("struct ") || text.starts_with("a map") => "an object".to_owned(),
        _ if text.starts_with("tuple ") || text.starts_with("an array") => "an array".to_owned(),
        _ => text,
    }
}

/// What serde saw, in the same words.
pub(crate) fn plain_found(unexpected: &Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(_) => "a boolean".to_owned(),
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "an integer".to_owned(),
        Unexpected::Float(_) => "a number with a fraction".to_owned(),
        Unexpected::Char(_) => "a character".to_owned(),
        Unexpected::Str(_) => "a string".to_owned(),
        Unexpected::Bytes(_) => "bytes".to_owned(),
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "an array".to_owned(),
        Unexpected::Map => "an object".to_owned(),
        other => other.to_string(),
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.to_field_error().message())
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Error::new(Kind::Custom(message.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(Kind::Type {
            expected: plain_expected(expected),
            found: plain_found(&unexpected),
            value: Scalar::of(&unexpected),
        })
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::new(Kind::Value {
            expected: plain_expected(expected),
            found: plain_found(&unexpected),
            value: Scalar::of(&unexpected),
        })
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        Error::new(Kind::Length {
            expected: plain_expected(expected),
            len,
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Kind::UnknownVariant {
            variant: variant.to_owned(),
            expected,
        })
    }

    fn unknown_field(_field: &str, expected: &'static [&'static str]) -> Self {
        // The field is the last step of the error's path.
        Error::new(Kind::UnknownField { expected })
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(Kind::Missing { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(Kind::Duplicate { field })
    }
}
