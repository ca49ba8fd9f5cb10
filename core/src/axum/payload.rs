//! [`Payload`]: how the validating extractors reach the value inside an extractor.

/// An extractor of your own that holds one value to validate (say, a MessagePack
/// body): implement it and `Valid<YourExtractor<T>>` extracts as your extractor does,
/// then validates. (`Json`, `Form` and `Query` have extractors of their own, which read
/// and validate in one step, with every error at once.)
///
/// ```
/// use modelbuild::axum::Payload;
///
/// struct Csv<T>(T);
///
/// impl<T> Payload for Csv<T> {
///     type Value = T;
///     fn value(&self) -> &T {
///         &self.0
///     }
/// }
/// ```
pub trait Payload {
    /// The type that is validated.
    type Value;

    /// The extracted value.
    fn value(&self) -> &Self::Value;
}
