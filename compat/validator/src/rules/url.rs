//! `url`: what the WHATWG URL parser (the `url` crate) accepts.

use std::borrow::Cow;
use std::cell::{Ref, RefMut};
use std::rc::Rc;
use std::sync::Arc;

/// Whether a value is a URL: `url::Url::parse` accepts it (an absolute URL, as a
/// browser reads it). A value that is absent (`None`) passes.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateUrl;
///
/// assert!("https://example.com/a b".validate_url());
/// assert!(!"/relative".validate_url());
/// ```
pub trait ValidateUrl {
    /// Whether the value is a URL (or absent).
    fn validate_url(&self) -> bool {
        self.as_url_string()
            .is_none_or(|text| modelbuild::rules::is_url(&text))
    }

    /// The text to check; `None` for an absent value.
    fn as_url_string(&self) -> Option<Cow<'_, str>>;
}

macro_rules! pointers {
    ($($ty:ty),*) => {$(
        impl<T: ValidateUrl> ValidateUrl for $ty {
            fn as_url_string(&self) -> Option<Cow<'_, str>> {
                T::as_url_string(self)
            }
        }
    )*};
}

pointers!(&T, Arc<T>, Box<T>, Rc<T>, Ref<'_, T>, RefMut<'_, T>);

macro_rules! text {
    ($($ty:ty),*) => {$(
        impl ValidateUrl for $ty {
            fn as_url_string(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Borrowed(self))
            }
        }
    )*};
}

text!(str, &str, String, Cow<'_, str>);

impl<T: ValidateUrl> ValidateUrl for Option<T> {
    fn as_url_string(&self) -> Option<Cow<'_, str>> {
        self.as_ref().and_then(T::as_url_string)
    }
}
