//! `email`: validator's e-mail check, reproduced without its regexes.

use std::borrow::Cow;

use super::ip::is_ip;

/// Whether a value is an e-mail address, as validator 0.21 decides: a local part of at
/// most 64 characters from `[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]`, then `@`, then a domain of
/// at most 255 characters that is a host name of dot-separated labels (letters, digits
/// and inner hyphens, 1 to 63 each), an IP address in brackets, or, converted to ASCII
/// by IDNA, such a host name. A value that is absent (`None`) passes.
///
/// Implement [`as_email_string`](ValidateEmail::as_email_string) for a type of yours
/// to check it with `#[validate(email)]`.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateEmail;
///
/// assert!("ada@example.com".validate_email());
/// assert!("ada@[127.0.0.1]".validate_email());
/// assert!(!"ada@-example.com".validate_email());
/// assert!(None::<String>.validate_email());
/// ```
pub trait ValidateEmail {
    /// Whether the value is an e-mail address (or absent).
    fn validate_email(&self) -> bool {
        self.as_email_string().is_none_or(|text| is_email(&text))
    }

    /// The text to check; `None` for an absent value.
    fn as_email_string(&self) -> Option<Cow<'_, str>>;
}

// Through a reference or an `Option`, the text is checked with the default method, as
// in validator: a `validate_email` of your own type's is not called there.
impl<T: ValidateEmail> ValidateEmail for &T {
    fn as_email_string(&self) -> Option<Cow<'_, str>> {
        T::as_email_string(self)
    }
}

impl<T: ValidateEmail> ValidateEmail for Option<T> {
    fn as_email_string(&self) -> Option<Cow<'_, str>> {
        self.as_ref().and_then(T::as_email_string)
    }
}

macro_rules! text {
    ($($ty:ty),*) => {$(
        impl ValidateEmail for $ty {
            fn validate_email(&self) -> bool {
                is_email(self)
            }

            fn as_email_string(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Borrowed(self))
            }
        }
    )*};
}

text!(String, &str, Cow<'_, str>);

/// The check itself, on text.
pub(crate) fn is_email(value: &str) -> bool {
    // The last `@` splits: the local part may not hold one, so an earlier one fails it.
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    if local.chars().count() > 64 || domain.chars().count() > 255 || !is_local_part(local) {
        return false;
    }
    is_domain(domain) || idna::domain_to_ascii(domain).is_ok_and(|ascii| is_domain(&ascii))
}

fn is_local_part(local: &str) -> bool {
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-./=?^_`{|}~".contains(&b))
}

/// A host name of dot-separated labels, or an IP address in brackets at the end of the
/// domain (validator's bracket test looks only at the domain's end: whatever comes
/// before the last `[` is not looked at).
fn is_domain(domain: &str) -> bool {
    if domain.split('.').all(is_label) {
        return true;
    }
    let Some(open) = domain.strip_suffix(']').and_then(|rest| rest.rfind('[')) else {
        return false;
    };
    let address = &domain[open + 1..domain.len() - 1];
    !address.is_empty()
        && address
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        && is_ip(address)
}

/// 1 to 63 ASCII letters, digits and hyphens, a letter or digit at each end.
fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() <= 63
        && first.is_ascii_alphanumeric()
        && last.is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}
