//! `non_control_character`: no character of Unicode's general category Cc.

/// Whether a value's characters include none that is a control character
/// ([`char::is_control`]). Implemented for every `AsRef<str>`; implement
/// [`as_non_control_character_iterator`](ValidateNonControlCharacter::as_non_control_character_iterator)
/// for a type without.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateNonControlCharacter;
///
/// assert!("plain text".validate_non_control_character());
/// assert!(!"bell\u{7}".validate_non_control_character());
/// ```
pub trait ValidateNonControlCharacter {
    /// Whether no character is a control character.
    fn validate_non_control_character(&self) -> bool {
        !self.as_non_control_character_iterator().any(char::is_control)
    }

    /// The characters to check.
    fn as_non_control_character_iterator(&self) -> Box<dyn Iterator<Item = char> + '_>;
}

impl<T: AsRef<str>> ValidateNonControlCharacter for T {
    // The text itself, with no boxed iterator.
    fn validate_non_control_character(&self) -> bool {
        modelbuild::rules::has_only(self.as_ref(), modelbuild::rules::Characters::NonControl)
    }

    fn as_non_control_character_iterator(&self) -> Box<dyn Iterator<Item = char> + '_> {
        Box::new(self.as_ref().chars())
    }
}
