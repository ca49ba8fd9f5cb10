//! `credit_card` (feature `card`): a card number of a known network, of that network's
//! length, with a valid Luhn check digit.

use std::borrow::Cow;

/// Whether a value is a card number as validator (through the `card-validate` crate)
/// decides: ASCII digits only (no spaces or dashes), the prefix of a card network, a
/// length that network issues, and a valid Luhn check digit. Implemented for every
/// `AsRef<str>`.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateCreditCard;
///
/// assert!("4539571147647251".validate_credit_card());
/// assert!(!"4539 5711 4764 7251".validate_credit_card());
/// assert!(!"4539571147647252".validate_credit_card()); // check digit
/// ```
pub trait ValidateCreditCard {
    /// Whether the value is a card number.
    fn validate_credit_card(&self) -> bool {
        is_card(&self.as_credit_card_string())
    }

    /// The text to check.
    fn as_credit_card_string(&self) -> Cow<'_, str>;
}

impl<T: AsRef<str>> ValidateCreditCard for T {
    fn validate_credit_card(&self) -> bool {
        is_card(self.as_ref())
    }

    fn as_credit_card_string(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_ref())
    }
}

/// The networks in the order they are tried (the first whose prefix matches decides),
/// each with its prefixes and the lengths it issues. A prefix written `a-b` is any
/// number from `a` to `b` of the same width.
const NETWORKS: &[(&[&str], std::ops::RangeInclusive<usize>)] = &[
    // Visa Electron
    (
        &["4026", "417500", "4405", "4508", "4844", "4913", "4917"],
        16..=16,
    ),
    // Maestro
    (&["5018", "502-503", "56", "58", "639", "67"], 12..=19),
    // Forbrugsforeningen
    (&["600"], 16..=16),
    // Dankort
    (&["5019"], 16..=16),
    // Visa
    (&["4"], 13..=16),
    // Mir
    (&["2200-2204"], 16..=19),
    // Mastercard
    (&["51-55", "22-27"], 16..=16),
    // American Express
    (&["34", "37"], 15..=15),
    // Diners Club
    (&["30", "36", "38", "39"], 14..=14),
    // Discover
    (&["60", "64", "65", "622"], 16..=16),
    // UnionPay
    (&["62", "88"], 16..=19),
    // JCB
    (&["35"], 16..=16),
];

fn is_card(number: &str) -> bool {
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some((_, lengths)) = NETWORKS
        .iter()
        .find(|(prefixes, _)| prefixes.iter().any(|prefix| starts_with(number, prefix)))
    else {
        return false;
    };
    lengths.contains(&number.len()) && luhn(number)
}

/// Whether `number` starts with `prefix`, one number or a range `low-high` of numbers
/// of the same width.
fn starts_with(number: &str, prefix: &str) -> bool {
    let (low, high) = prefix.split_once('-').unwrap_or((prefix, prefix));
    number
        .get(..low.len())
        .is_some_and(|head| (low..=high).contains(&head))
}

/// The Luhn check: from the right, every second digit doubled (less 9 when over 9);
/// the sum is a multiple of 10.
fn luhn(number: &str) -> bool {
    let sum: u32 = (number.bytes().rev().enumerate())
        .map(|(index, digit)| {
            let digit = u32::from(digit - b'0');
            match index % 2 {
                0 => digit,
                _ if digit > 4 => digit * 2 - 9,
                _ => digit * 2,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}
