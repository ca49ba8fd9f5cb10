//! `email`: an e-mail address as the HTML Standard's "valid e-mail address" defines it
//! (what `<input type="email">` accepts), within RFC 5321's length limits.
//!
//! A value passes when it matches this grammar:
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
//! do not, are refused. A domain of one label passes (`user@localhost`). An absent value
//! (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `email` | the value is an e-mail address |
//! | `email(code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The rule takes no arguments of its own; `email = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rule
//!   gives no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `email`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"email"` | none | `must be an e-mail address` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Contact {
//!     #[validate(email)]
//!     email: String,
//!     #[validate(email(message = "is not an address"))]
//!     reply_to: Option<String>,
//! }
//!
//! let contact = Contact { email: "ada@".into(), reply_to: Some(r#""ada"@example.com"#.into()) };
//! let errors = contact.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("email".to_string(), "email", "must be an e-mail address"),
//!     ("reply_to".to_string(), "email", "is not an address"), // no quoted local part
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({})]);
//!
//! let valid = Contact {
//!     email: "first.last+tag@mail.example.co.uk".into(),
//!     reply_to: Some("user@localhost".into()),
//! };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes `format: email` and a `pattern` with this
//! module's definition (its `PATTERN`), since JSON Schema's `email` format is RFC 5321's
//! wider `Mailbox`, which takes quoted local parts and IP literals.
//!
//! The predicate is [`is_email`], and the default message [`message`].

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
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
    let bytes = value.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&bytes[..at], &bytes[at + 1..]);
    (1..=MAX_LOCAL).contains(&local.len())
        && domain.len() <= MAX_DOMAIN
        && local.iter().all(|&b| CLASSES[usize::from(b)] & LOCAL != 0)
        && is_domain(domain)
}

/// Dot-separated labels of 1 to 63 letters, digits and hyphens, neither first nor last
/// a hyphen. (A second `@` fails here, as a byte no label allows.)
fn is_domain(domain: &[u8]) -> bool {
    let (mut length, mut previous) = (0, b'.');
    for &b in domain {
        if b == b'.' {
            if length == 0 || previous == b'-' {
                return false;
            }
            length = 0;
        } else if CLASSES[usize::from(b)] & LABEL != 0 && !(length == 0 && b == b'-') {
            length += 1;
            if length > MAX_LABEL {
                return false;
            }
        } else {
            return false;
        }
        previous = b;
    }
    length > 0 && previous != b'-'
}

const LOCAL: u8 = 1;
const LABEL: u8 = 2;

/// Which part of an address each byte may stand in; non-ASCII bytes in neither.
static CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || c == b'-' {
            class = LOCAL | LABEL;
        } else {
            let mut i = 0;
            let atext = b"!#$%&'*+/=?^_`{|}~.";
            while i < atext.len() {
                if atext[i] == c {
                    class = LOCAL;
                }
                i += 1;
            }
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// The message of a failed `email` rule.
pub fn message() -> String {
    "must be an e-mail address".to_owned()
}

site_entry!(email [M, T: StrInput<M> + ?Sized] (value: &T) => check);

/// The derive's entry: reports a failed `email` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    check_text(value, at, errors, site, is_email, move || Failure { code: "email", params: Params::new, message });
}

/// The module's definition as an ECMA-262 regex: the grammar, the local part's 64 and
/// the domain's 255 octets as lookaheads, the labels' 63 in the grammar.
#[cfg(feature = "schemars")]
pub const PATTERN: &str = concat!(
    "^(?=[^@]{1,64}@)[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@(?=[^@]{1,255}$)",
    "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?",
    "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
);

/// Writes the rule into a JSON Schema (feature `schemars`): `format: email`, and
/// [`PATTERN`], since JSON Schema's `email` format is RFC 5321's wider `Mailbox`
/// (quoted local parts, IP literals).
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema) {
    crate::schema::add_format(schema, "email");
    crate::schema::add_pattern(schema, PATTERN.to_owned());
}
