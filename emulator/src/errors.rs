//! Twilio's error body, `{code, message, more_info, status}`, for the ways a request
//! can fail, and what the emulator echoes of a client's input in it.

use std::borrow::Cow;

use modelbuild::TwilioError;

use crate::store::Refusal;

/// How many characters of a client's key or value an error message repeats.
const ECHO: usize = 64;
/// How many characters of a path: a valid one, two percent-encoded segments of 64
/// characters, fits.
const ECHO_PATH: usize = 512;

/// `text` when it is short, else its first 64 characters and `…`: an error names
/// what it refused without sending a megabyte back.
pub fn clip(text: &str) -> Cow<'_, str> {
    clip_to(text, ECHO)
}

/// A path as [`clip`] does text, with room for a valid path whole.
pub fn clip_path(path: &str) -> Cow<'_, str> {
    clip_to(path, ECHO_PATH)
}

fn clip_to(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// 20422: an invalid parameter, as Twilio words it.
pub fn invalid(message: impl std::fmt::Display) -> TwilioError {
    TwilioError::new(
        TwilioError::INVALID_PARAMETER,
        400,
        format!("Invalid parameter: {message}"),
    )
}

/// 20404 for a path that names nothing.
pub fn not_found(path: &str) -> TwilioError {
    TwilioError::new(
        TwilioError::NOT_FOUND,
        404,
        format!("The requested resource {} was not found", clip_path(path)),
    )
}

/// A unique name the store refused.
pub fn refusal(refusal: &Refusal) -> TwilioError {
    match refusal {
        Refusal::NameTaken(name) => invalid(format_args!(
            "UniqueName: {:?} is already the name of another build of this assistant",
            clip(name)
        )),
        Refusal::EmptyName => invalid("UniqueName: must not be empty"),
        Refusal::NameLooksLikeSid(name) => invalid(format_args!(
            "UniqueName: {:?} looks like a model build SID (\"UG\" followed by 32 hexadecimal \
             digits); a build is addressed by its SID or its unique name, so a name may not be one",
            clip(name)
        )),
        Refusal::BadSid => TwilioError::new(20500, 500, "Internal error: a build SID was taken twice"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_input_is_clipped_where_it_is_echoed() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(clip(&long), format!("{}…", "é".repeat(64)));
        let path = format!("/v1/{}", "p".repeat(600));
        assert_eq!(clip_path(&path), format!("{}…", &path[..512]));
    }
}
