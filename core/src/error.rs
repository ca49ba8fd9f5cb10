//! The error types: [`Path`], [`FieldError`], [`ValidationErrors`] and [`RuleError`].

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// One step of a [`Path`]: a field name, a sequence index or a map key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A struct field (or a tuple field, named by its position, such as `"0"`).
    Field(Cow<'static, str>),
    /// An element of a sequence: `items[2]`.
    Index(usize),
    /// The value under a map key: `labels[env]`.
    Key(String),
}

/// Where in a value a broken rule was found.
///
/// Displays as `items[2].sid`; the root path (a rule on the whole value) displays as
/// the empty string.
///
/// ```
/// use modelbuild::{Path, Segment};
///
/// let path = Path::from_segments(vec![
///     Segment::Field("model_builds".into()),
///     Segment::Index(1),
///     Segment::Field("sid".into()),
/// ]);
/// assert_eq!(path.to_string(), "model_builds[1].sid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Path {
    repr: Repr,
}

/// A path of one segment, the usual case of a field of the validated value, is kept
/// without a heap allocation. `Many` never holds exactly one segment, so derived
/// equality and hashing stay true to the segments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    One(Segment),
    Many(Vec<Segment>),
}

impl Default for Path {
    fn default() -> Self {
        Path::root()
    }
}

impl Path {
    /// The path of the value itself.
    pub const fn root() -> Self {
        Path {
            repr: Repr::Many(Vec::new()),
        }
    }

    /// A path made of the given segments, outermost first.
    pub fn from_segments(mut segments: Vec<Segment>) -> Self {
        let repr = match segments.len() {
            1 => Repr::One(segments.remove(0)),
            _ => Repr::Many(segments),
        };
        Path { repr }
    }

    pub(crate) fn single(segment: Segment) -> Self {
        Path {
            repr: Repr::One(segment),
        }
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        match &self.repr {
            Repr::One(segment) => std::slice::from_ref(segment),
            Repr::Many(segments) => segments,
        }
    }

    /// Whether this is the root path.
    pub fn is_root(&self) -> bool {
        self.segments().is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments().iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => write!(f, "[{key}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One broken rule: where, which rule, and a message for people.
///
/// ```
/// use modelbuild::{FieldError, Path};
///
/// let error = FieldError::new(Path::root(), "custom", "must be even");
/// assert_eq!(error.code(), "custom");
/// assert_eq!(error.to_string(), "must be even");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    path: Path,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl FieldError {
    /// A new error at `path` for the rule `code`.
    pub fn new(
        path: Path,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            path,
            code: code.into(),
            message: message.into(),
        }
    }

    /// Where the broken rule was found.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule's name (`"sid"`, `"length"`, `"uri"`, ...) or the code given with
    /// `code = "..."`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// A message for people, such as `must be at most 64 characters long`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FieldError {}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("FieldError", 3)?;
        object.serialize_field("path", &self.path)?;
        object.serialize_field("code", &*self.code)?;
        object.serialize_field("message", &*self.message)?;
        object.end()
    }
}

/// Every rule a value broke, in field order.
///
/// Creating an empty `ValidationErrors` does not allocate, so validating valid data
/// costs no allocation.
///
/// ```
/// use modelbuild::Validate;
///
/// #[derive(Validate)]
/// struct Build {
///     #[validate(sid(prefix = "UG"))]
///     sid: String,
///     #[validate(length(max = 4))]
///     unique_name: String,
/// }
///
/// let errors = Build { sid: "UG1".into(), unique_name: "too long".into() }
///     .validate()
///     .unwrap_err();
/// assert_eq!(errors.len(), 2);
/// assert_eq!(
///     errors.to_string(),
///     "sid: must be a SID: \"UG\" followed by 32 hexadecimal digits\n\
///      unique_name: must be at most 4 characters long"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors {
    errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// No errors yet.
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Adds one error.
    pub fn push(&mut self, error: FieldError) {
        if self.errors.capacity() == 0 {
            // Invalid data rarely breaks just one rule; room for eight at once
            // spares the reallocations of growing from one.
            self.errors.reserve_exact(8);
        }
        self.errors.push(error);
    }

    /// The errors, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// How many rules were broken.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(())` when empty, otherwise `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.errors.len()))?;
        for error in &self.errors {
            seq.serialize_element(error)?;
        }
        seq.end()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl Extend<FieldError> for ValidationErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

/// What a `custom` rule function returns when the value is wrong: a code and a message,
/// placed at the field's path by the derive.
///
/// `&'static str` and `String` convert into a `RuleError` with the code `"custom"`.
///
/// ```
/// use modelbuild::{RuleError, Validate};
///
/// fn even(value: &u32) -> Result<(), RuleError> {
///     if value % 2 == 0 { Ok(()) } else { Err(RuleError::new("even", "must be even")) }
/// }
///
/// #[derive(Validate)]
/// struct Pair {
///     #[validate(custom = even)]
///     count: u32,
/// }
///
/// let errors = Pair { count: 3 }.validate().unwrap_err();
/// let error = errors.iter().next().unwrap();
/// assert_eq!((error.code(), error.message()), ("even", "must be even"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl RuleError {
    /// An error with its own code and message.
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        RuleError {
            code: code.into(),
            message: message.into(),
        }
    }

    /// The code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn into_parts(self) -> (Cow<'static, str>, Cow<'static, str>) {
        (self.code, self.message)
    }
}

impl From<&'static str> for RuleError {
    fn from(message: &'static str) -> Self {
        RuleError::new("custom", message)
    }
}

impl From<String> for RuleError {
    fn from(message: String) -> Self {
        RuleError::new("custom", message)
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}
