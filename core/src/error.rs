//! The error types: [`Path`], [`FieldError`], [`ValidationErrors`] and [`RuleError`].

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::mem::ManuallyDrop;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::params::{ParamValue, Params};

/// One step of a [`Path`]: a field name, a sequence index or a map key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field of a struct or of an enum variant, or an enum variant's name, by the
    /// name it has on the wire.
    Field(Cow<'static, str>),
    /// An element of a sequence (or of a tuple, which serde writes as one): `items[2]`.
    Index(usize),
    /// The value under a map key: `labels[env]`.
    Key(String),
}

/// Where in a value a broken rule was found.
///
/// Displays as `items[2].sid`; the root path (a rule on the whole value) displays as
/// the empty string. A name that is not plain (made only of letters, digits, `_` and
/// `-`; for a key, not only ASCII digits, which would read as an index) is written as a
/// quoted, escaped string, so that two different paths never display the same:
/// `labels["b][c"]`, `labels[""]`, `labels["2"]`, `meta."page.size"`.
///
/// [`to_json_pointer`](Path::to_json_pointer) gives the same place as an RFC 6901
/// JSON Pointer, which is how a client finds it in the document it sent.
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
/// assert_eq!(path.to_json_pointer(), "/model_builds/1/sid");
///
/// let odd = Path::from_segments(vec![Segment::Field("m".into()), Segment::Key("b][c".into())]);
/// assert_eq!(odd.to_string(), r#"m["b][c"]"#);
/// assert_eq!(odd.to_json_pointer(), "/m/b][c");
/// ```
#[derive(Clone)]
pub struct Path {
    repr: Repr,
}

/// A call site's path is static data: the derive's call sites keep the segment of
/// the field they check, so that an error on a field of the validated value points
/// at it and allocates nothing. A path made at run time owns its segments. Two plain
/// variants, so that dropping an error is one compare when its path is static.
/// Equality and hashing go by the segments, whichever way they are kept.
#[derive(Clone)]
enum Repr {
    Static(&'static [Segment]),
    Owned(Box<[Segment]>),
}

impl PartialEq for Path {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for Path {}

impl Hash for Path {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.segments().hash(state);
    }
}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Path").field(&self.segments()).finish()
    }
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
            repr: Repr::Static(&[]),
        }
    }

    /// A path made of the given segments, outermost first.
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Path {
            repr: Repr::Owned(segments.into_boxed_slice()),
        }
    }

    /// A path kept in static data, such as a call site's field.
    #[inline]
    pub(crate) const fn from_static(segments: &'static [Segment]) -> Self {
        Path {
            repr: Repr::Static(segments),
        }
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        match &self.repr {
            Repr::Static(segments) => segments,
            Repr::Owned(segments) => segments,
        }
    }

    /// This path and one more segment.
    pub(crate) fn child(self, segment: Segment) -> Path {
        let mut segments = Vec::with_capacity(self.segments().len() + 1);
        segments.extend_from_slice(self.segments());
        segments.push(segment);
        Path::from_segments(segments)
    }

    /// `segment`, then this path: the path of an async rule's error one level up.
    pub(crate) fn under(&self, segment: Segment) -> Path {
        let mut segments = Vec::with_capacity(self.segments().len() + 1);
        segments.push(segment);
        segments.extend_from_slice(self.segments());
        Path::from_segments(segments)
    }

    /// Whether this is the root path.
    pub fn is_root(&self) -> bool {
        self.segments().is_empty()
    }

    /// The RFC 6901 JSON Pointer to the same place: `""` for the root, otherwise
    /// `/` before each segment, with `~` written `~0` and `/` written `~1`.
    ///
    /// ```
    /// use modelbuild::{Path, Segment};
    ///
    /// let path = Path::from_segments(vec![Segment::Key("a/b~c".into()), Segment::Index(0)]);
    /// assert_eq!(path.to_json_pointer(), "/a~1b~0c/0");
    /// assert_eq!(Path::root().to_json_pointer(), "");
    /// ```
    pub fn to_json_pointer(&self) -> String {
        let mut pointer = String::new();
        for segment in self.segments() {
            pointer.push('/');
            match segment {
                Segment::Field(name) => escape_pointer(name, &mut pointer),
                Segment::Key(key) => escape_pointer(key, &mut pointer),
                // Writing to a String cannot fail.
                Segment::Index(index) => drop(write!(pointer, "{index}")),
            }
        }
        pointer
    }
}

fn escape_pointer(token: &str, pointer: &mut String) {
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Whether a name may be written as it is: letters, digits, `_` and `-`, at least one
/// of them. Such a name holds none of the characters that delimit segments (`.`, `[`,
/// `]`, `"`) and no space.
fn is_plain(name: &str) -> bool {
    !name.is_empty() && (name.chars()).all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments().iter().enumerate() {
            match segment {
                Segment::Field(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if is_plain(name) {
                        f.write_str(name)?;
                    } else {
                        // Rust's string literal form: quoted, with `"` and `\` escaped.
                        write!(f, "{name:?}")?;
                    }
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
                // A key of digits is quoted too, or `["2"]` would read as index 2.
                Segment::Key(key) if is_plain(key) && !key.bytes().all(|b| b.is_ascii_digit()) => {
                    write!(f, "[{key}]")?
                }
                Segment::Key(key) => write!(f, "[{key:?}]")?,
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

/// One broken rule: where, which rule, its parameters, and a message for people.
///
/// ```
/// use modelbuild::{FieldError, Params, Path};
///
/// let error = FieldError::new(Path::root(), "custom", "must be even")
///     .with_params(Params::new().with("divisor", 2));
/// assert_eq!(error.code(), "custom");
/// assert_eq!(error.to_string(), "must be even");
/// assert_eq!(
///     serde_json::to_value(&error).unwrap(),
///     serde_json::json!({
///         "path": "", "pointer": "", "code": "custom", "message": "must be even",
///         "params": {"divisor": 2},
///     }),
/// );
/// ```
#[derive(Clone)]
pub struct FieldError {
    path: Path,
    detail: Detail,
}

/// An error's code, message and parameters. A rule reported by the derive refers to
/// what its call site made on its first failure and keeps in a `static`: one pointer
/// to write, nothing to drop, so that an error costs little more than its path. Any
/// other error (a `custom` rule's, one made by hand or given another message) owns
/// them, boxed so that every `FieldError` stays as small.
#[derive(Clone)]
enum Detail {
    Site(&'static Report),
    Owned(Box<OwnedReport>),
}

pub(crate) type OwnedReport = Report<Cow<'static, str>, SharedParams>;

/// What an error says besides its path. `Report` alone (static code, parameters kept
/// inline) is what a call site caches; the owned form takes any code and shares or
/// owns its parameters.
#[derive(Debug, Clone)]
pub(crate) struct Report<C = &'static str, P = Params> {
    pub code: C,
    pub message: Cow<'static, str>,
    pub params: P,
}

/// An error's parameters: those a call site keeps, shared; otherwise its own, boxed
/// so that the owned report stays small.
#[derive(Debug, Clone)]
pub(crate) enum SharedParams {
    Static(&'static Params),
    Owned(Box<Params>),
}

static NO_PARAMS: Params = Params::new();

/// What stands in an error's place for a moment while it is changed.
static EMPTY_REPORT: Report = Report {
    code: "",
    message: Cow::Borrowed(""),
    params: Params::new(),
};

impl SharedParams {
    /// `params`, allocating only when there are some.
    pub(crate) fn owned(params: Params) -> Self {
        match params.is_empty() {
            true => SharedParams::Static(&NO_PARAMS),
            false => SharedParams::Owned(Box::new(params)),
        }
    }

    pub(crate) fn get(&self) -> &Params {
        match self {
            SharedParams::Static(params) => params,
            SharedParams::Owned(params) => params,
        }
    }
}

impl FieldError {
    /// A new error at `path` for the rule `code`.
    pub fn new(
        path: Path,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::owned(
            path,
            code.into(),
            message.into(),
            SharedParams::Static(&NO_PARAMS),
        )
    }

    pub(crate) fn owned(
        path: Path,
        code: Cow<'static, str>,
        message: Cow<'static, str>,
        params: SharedParams,
    ) -> Self {
        let report = Report {
            code,
            message,
            params,
        };
        FieldError {
            path,
            detail: Detail::Owned(Box::new(report)),
        }
    }

    /// The error one level up, its path under `segment`.
    pub(crate) fn put_under(&mut self, segment: Segment) {
        self.path = self.path.under(segment);
    }

    /// An error that refers to the report its call site made and keeps.
    #[inline]
    pub(crate) fn at_site(path: Path, report: &'static Report) -> Self {
        FieldError {
            path,
            detail: Detail::Site(report),
        }
    }

    /// The path and detail, leaving ones that own nothing in their place.
    fn take(&mut self) -> (Path, Detail) {
        (
            std::mem::take(&mut self.path),
            std::mem::replace(&mut self.detail, Detail::Site(&EMPTY_REPORT)),
        )
    }

    /// The same error, owning its report, for a change to it.
    fn into_owned(mut self) -> (Path, Box<OwnedReport>) {
        let (path, detail) = self.take();
        let report = match detail {
            Detail::Owned(report) => report,
            Detail::Site(site) => Box::new(Report {
                code: Cow::Borrowed(site.code),
                message: site.message.clone(),
                params: SharedParams::Static(&site.params),
            }),
        };
        (path, report)
    }

    fn changed(self, change: impl FnOnce(&mut OwnedReport)) -> Self {
        let (path, mut report) = self.into_owned();
        change(&mut report);
        FieldError {
            path,
            detail: Detail::Owned(report),
        }
    }

    /// The same error with these parameters.
    pub fn with_params(self, params: Params) -> Self {
        self.changed(|report| report.params = SharedParams::owned(params))
    }

    /// The same error with another message.
    pub fn with_message(self, message: impl Into<Cow<'static, str>>) -> Self {
        self.changed(|report| report.message = message.into())
    }

    /// Where the broken rule was found.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule's name (`"sid"`, `"length"`, `"uri"`, ...) or the code given with
    /// `code = "..."`.
    pub fn code(&self) -> &str {
        match &self.detail {
            Detail::Site(report) => report.code,
            Detail::Owned(report) => &report.code,
        }
    }

    /// A message for people, such as `must be at most 64 characters long`.
    pub fn message(&self) -> &str {
        match &self.detail {
            Detail::Site(report) => &report.message,
            Detail::Owned(report) => &report.message,
        }
    }

    /// The rule's parameters, such as `max = 64` and `unit = "chars"`: what a
    /// translated message needs (see [`Params`] for each rule's).
    pub fn params(&self) -> &Params {
        match &self.detail {
            Detail::Site(report) => &report.params,
            Detail::Owned(report) => report.params.get(),
        }
    }
}

// Most errors own nothing: a call site's path and report are static data. Dropping
// one is then a test of two variants, made here in line; whatever an error owns is
// dropped in a function of its own. Left to the compiler, dropping a list of errors
// called the whole of an error's drop for each one, the register saves of its
// prologue before any test (an invalid ModelBuild: 77 ns, 69 ns with this alone).
impl Drop for FieldError {
    #[inline]
    fn drop(&mut self) {
        if matches!(self.path.repr, Repr::Owned(_)) || matches!(self.detail, Detail::Owned(_)) {
            drop_owned(self.take());
        }
    }
}

#[inline(never)]
fn drop_owned(parts: (Path, Detail)) {
    drop(parts);
}

// By what the error says, not by where it keeps it: an error a call site reported
// equals the same error made by hand.
impl PartialEq for FieldError {
    fn eq(&self, other: &Self) -> bool {
        (self.path(), self.code(), self.message(), self.params())
            == (other.path(), other.code(), other.message(), other.params())
    }
}

impl Eq for FieldError {}

impl fmt::Debug for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldError")
            .field("path", &self.path)
            .field("code", &self.code())
            .field("message", &self.message())
            .field("params", self.params())
            .finish()
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            f.write_str(self.message())
        } else {
            write!(f, "{}: {}", self.path, self.message())
        }
    }
}

impl std::error::Error for FieldError {}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("FieldError", 5)?;
        object.serialize_field("path", &self.path)?;
        object.serialize_field("pointer", &self.path.to_json_pointer())?;
        object.serialize_field("code", self.code())?;
        object.serialize_field("message", self.message())?;
        object.serialize_field("params", self.params())?;
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
    #[inline]
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Adds one error.
    #[inline]
    pub fn push(&mut self, error: FieldError) {
        self.push_made(|| error);
    }

    /// Adds the error a call site reports on a field of the validated value.
    #[inline(always)]
    pub(crate) fn push_at_site(&mut self, path: &'static [Segment], report: &'static Report) {
        self.push_made(|| FieldError::at_site(Path::from_static(path), report));
    }

    /// Adds the error `make` makes, once there is room for it.
    // Made after the test, and not across a call that could unwind: an error made by
    // `make` then goes from registers straight into the buffer. Made before it, the
    // error lived on the stack and was copied twice in case `Vec::push`'s own growth,
    // which the test already rules out, panicked.
    #[inline(always)]
    fn push_made(&mut self, make: impl FnOnce() -> FieldError) {
        match self.errors.len() < self.errors.capacity() {
            true => self.errors.push(make()),
            false => self.push_growing(make()),
        }
    }

    // Invalid data rarely breaks just one rule: room for eight at once spares the
    // reallocations of growing from one.
    #[cold]
    #[inline(never)]
    fn push_growing(&mut self, error: FieldError) {
        match self.errors.capacity() {
            // The first error: a new buffer, without `reserve`'s path for moving one.
            0 => self.errors = Vec::with_capacity(8),
            _ => self.errors.reserve(8),
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
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Gives every error the message `translate` makes from its code and parameters;
    /// an error for which it returns `None` keeps its message.
    ///
    /// The structs stay as they are: an app localizes at the edge, per request.
    ///
    /// ```
    /// use modelbuild::{Params, Validate};
    ///
    /// #[derive(Validate)]
    /// struct Build {
    ///     #[validate(length(max = 4))]
    ///     unique_name: String,
    /// }
    ///
    /// let french = |code: &str, params: &Params| match code {
    ///     "length" => Some(params.render("doit compter au plus {max} caractères")),
    ///     _ => None,
    /// };
    /// let mut errors = Build { unique_name: "trop long".into() }.validate().unwrap_err();
    /// errors.translate(&french);
    /// assert_eq!(errors.to_string(), "unique_name: doit compter au plus 4 caractères");
    /// ```
    pub fn translate(&mut self, translate: &impl Translate) {
        for error in &mut self.errors {
            if let Some(message) = translate.message(error.code(), error.params()) {
                // Swapped out and back, since a changed error owns its report.
                let taken = std::mem::replace(error, FieldError::at_site(Path::root(), &EMPTY_REPORT));
                *error = taken.with_message(message);
            }
        }
    }

    /// `Ok(())` when empty, otherwise `Err(self)`.
    // Every `validate()` ends here: inlined, the valid case is one compare, where a
    // call across crates cost more than checking a short field (compare bench).
    #[inline]
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if !self.is_empty() {
            return Err(self);
        }
        // A list that never held an error owns nothing, so it is not dropped: the
        // drop of a list of errors is a call, which made a valid one-rule
        // `validate()` three times as slow (compare bench, `contains`: 9.9 ns, 3.2 ns
        // without it).
        let empty = ManuallyDrop::new(self);
        if empty.errors.capacity() != 0 {
            drop(ManuallyDrop::into_inner(empty));
        }
        Ok(())
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

/// Makes messages from a code and parameters: what
/// [`ValidationErrors::translate`] calls for every error.
///
/// Closures `Fn(&str, &Params) -> Option<M>` implement it, for any `M` that converts
/// into `Cow<'static, str>` (`String`, `&'static str`); so can a message catalog.
pub trait Translate {
    /// The message for a broken rule with this code and these parameters, or `None`
    /// to keep the one it has.
    fn message(&self, code: &str, params: &Params) -> Option<Cow<'static, str>>;
}

impl<F, M> Translate for F
where
    F: Fn(&str, &Params) -> Option<M>,
    M: Into<Cow<'static, str>>,
{
    fn message(&self, code: &str, params: &Params) -> Option<Cow<'static, str>> {
        self(code, params).map(Into::into)
    }
}

/// What a `custom` rule function returns when the value is wrong: a code, a message
/// and parameters, placed at the field's path by the derive, or, from a rule on the
/// whole value, at the field named with [`at`](RuleError::at).
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
    // Boxed so that `Result<(), RuleError>` stays small (clippy's `result_large_err`
    // would otherwise fire on every custom function of a user's).
    params: Option<Box<Params>>,
    field: Option<Cow<'static, str>>,
}

impl RuleError {
    /// An error with its own code and message.
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        RuleError {
            code: code.into(),
            message: message.into(),
            params: None,
            field: None,
        }
    }

    /// The same error with one more parameter, for translations and for a
    /// `message = "..."` template on the rule.
    pub fn with_param(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        self.params.get_or_insert_with(Box::default).push(name, value);
        self
    }

    /// The same error, reported at the field `field` of the value rather than at the
    /// value itself: for a rule on a whole type that compares fields. `field` is the
    /// field's name in Rust (or its name on the wire); the error's path uses the wire
    /// name. A name that is no field of the value is kept as given, so the error is
    /// not lost.
    ///
    /// ```
    /// use modelbuild::{RuleError, Validate};
    ///
    /// #[derive(Validate, serde::Deserialize)]
    /// #[serde(rename_all = "camelCase")]
    /// #[validate(custom = passwords_match)]
    /// struct SignUp {
    ///     password: String,
    ///     password_confirm: String,
    /// }
    ///
    /// fn passwords_match(form: &SignUp) -> Result<(), RuleError> {
    ///     if form.password == form.password_confirm {
    ///         return Ok(());
    ///     }
    ///     Err(RuleError::new("mismatch", "must equal the password").at("password_confirm"))
    /// }
    ///
    /// let form = SignUp { password: "a".into(), password_confirm: "b".into() };
    /// let errors = form.validate().unwrap_err();
    /// assert_eq!(errors.to_string(), "passwordConfirm: must equal the password");
    /// ```
    pub fn at(mut self, field: impl Into<Cow<'static, str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The field named with [`at`](RuleError::at).
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The parameters.
    pub fn params(&self) -> &Params {
        self.params.as_deref().unwrap_or(&NO_PARAMS)
    }

    /// The code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn into_report(self) -> OwnedReport {
        Report {
            code: self.code,
            message: self.message,
            params: match self.params {
                Some(params) => SharedParams::Owned(params),
                None => SharedParams::Static(&NO_PARAMS),
            },
        }
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

/// What a `custom` rule may return as its error: one [`RuleError`] (or anything that
/// converts into one), or several, as a `Vec`.
pub trait RuleErrors {
    /// The errors, in order.
    fn into_rule_errors(self) -> impl Iterator<Item = RuleError>;
}

impl<E: Into<RuleError>> RuleErrors for E {
    fn into_rule_errors(self) -> impl Iterator<Item = RuleError> {
        std::iter::once(self.into())
    }
}

impl RuleErrors for Vec<RuleError> {
    fn into_rule_errors(self) -> impl Iterator<Item = RuleError> {
        self.into_iter()
    }
}
