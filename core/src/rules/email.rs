//! `email`: an e-mail address as the HTML Standard's "valid e-mail address" defines it
//! (what `<input type="email">` accepts), within RFC 5321's length limits.
//!
//! ```text
//! valid e-mail address = 1*( atext / "." ) "@" label *( "." label )
//! atext = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/"
//!       / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"
//! label = let-dig [ [ ldh-str ] let-dig ]   ; 1 to 63 characters
//! ```
//!
//! plus RFC 5321 section 4.5.3.1: a local part of at most 64 octets and a domain of at
//! most 255. ASCII only: an internationalized address must arrive in its ASCII (IDNA)
//! form. Quoted local parts and IP-literal domains, which RFC 5321 allows and browsers
//! do not, are refused.

use crate::__private::{check_text, Site};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 255;
const MAX_LABEL: usize = 63;

/// Whether `value` is a valid e-mail address (see the [module](self) for the exact
/// definition).
///
/// ```
/// use modelbuild::rules::is_email;
///
/// assert!(is_email("ada@example.com"));
/// assert!(is_email("first.last+tag@mail.example.co.uk"));
/// assert!(is_email("user@localhost")); // one label is a domain
/// assert!(!is_email("ada@"));
/// assert!(!is_email("ada@-example.com")); // a label cannot start with `-`
/// assert!(!is_email("ada lovelace@example.com"));
/// assert!(!is_email(&format!("{}@example.com", "a".repeat(65)))); // local part > 64
/// ```
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.bytes().all(is_local_byte)
        && domain.len() <= MAX_DOMAIN
        && domain.split('.').all(is_label)
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b)
}

/// A label: 1 to 63 letters, digits and hyphens, neither first nor last a hyphen.
/// (A second `@` fails here too, as a byte no label allows.)
fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    matches!(bytes.first(), Some(b) if b.is_ascii_alphanumeric())
        && matches!(bytes.last(), Some(b) if b.is_ascii_alphanumeric())
        && bytes.len() <= MAX_LABEL
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The message of a failed `email` rule.
pub fn message() -> String {
    "must be an e-mail address".to_owned()
}

/// The derive's entry: reports a failed `email` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: Site) {
    check_text(value, at, errors, site, "email", is_email, message);
}
