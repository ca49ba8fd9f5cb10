//! [`Payload`]: how the validating extractors reach the value inside an extractor.

use axum::extract::Query;
use axum::{Form, Json};

/// An extractor that holds one value to validate: `Json<T>`, `Form<T>`, `Query<T>`.
/// Implement it for an extractor of your own (say, a MessagePack body) and
/// `Valid<YourExtractor<T>>` validates it too.
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

macro_rules! payload {
    ($($extractor:ident),*) => {$(
        impl<T> Payload for $extractor<T> {
            type Value = T;

            fn value(&self) -> &T {
                &self.0
            }
        }
    )*};
}

payload!(Json, Form, Query);
