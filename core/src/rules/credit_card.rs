//! `credit_card`: a payment card number (a PAN) with a valid Luhn check digit.
//!
//! 12 to 19 digits (ISO/IEC 7812's lengths), optionally in groups separated by single
//! spaces or single hyphens (`4111 1111 1111 1111`, `4111-1111-1111-1111`); no other
//! character, and no separator first, last or doubled. The issuer is not checked.

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;

/// Whether `value` is a card number with a valid Luhn check digit.
///
/// ```
/// use modelbuild::rules::is_credit_card;
///
/// assert!(is_credit_card("4111111111111111"));
/// assert!(is_credit_card("4111 1111 1111 1111"));
/// assert!(is_credit_card("4111-1111-1111-1111"));
/// assert!(!is_credit_card("4111111111111112")); // wrong check digit
/// assert!(!is_credit_card("4111  1111 1111 1111")); // doubled separator
/// assert!(!is_credit_card("0000000000")); // too short
/// ```
pub fn is_credit_card(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() > MAX_DIGITS * 2 || !bytes.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let (mut digits, mut sum, mut previous_was_separator) = (0, 0, false);
    // Luhn from the right: every second digit doubled, 9 taken off when over 9.
    for &b in bytes.iter().rev() {
        match b {
            b'0'..=b'9' => {
                let digit = u32::from(b - b'0');
                let doubled = if digits % 2 == 1 { digit * 2 } else { digit };
                sum += if doubled > 9 { doubled - 9 } else { doubled };
                digits += 1;
                previous_was_separator = false;
            }
            b' ' | b'-' if !previous_was_separator && digits > 0 => previous_was_separator = true,
            _ => return false,
        }
    }
    (MIN_DIGITS..=MAX_DIGITS).contains(&digits) && sum % 10 == 0
}

/// The message of a failed `credit_card` rule.
pub fn message() -> String {
    "must be a card number with a valid check digit".to_owned()
}

site_entry!(credit_card [M, T: StrInput<M> + ?Sized] (value: &T) => check);

/// The derive's entry: reports a failed `credit_card` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    check_text(value, at, errors, site, is_credit_card, move || Failure { code: "credit_card", params: Params::new, message });
}
