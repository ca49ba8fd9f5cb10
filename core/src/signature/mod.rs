//! Twilio's request signatures: the `X-Twilio-Signature` header, computed and checked.
//!
//! Twilio signs every request it sends (webhooks, status callbacks) with the account's
//! auth token, so the receiver can tell a real one from a forgery:
//!
//! - **A form POST** (`application/x-www-form-urlencoded`): HMAC-SHA1 of the full URL
//!   Twilio requested, query string included, followed by every body parameter as
//!   `key` then `value` with nothing between, sorted by key (byte order, so `B` comes
//!   before `a`); a key given several times is kept once per distinct value, its values
//!   sorted too. (twilio-python signs a pair given twice once, twilio-node twice; a
//!   check here accepts either, and signing follows twilio-python's published vector.)
//! - **A JSON body**: Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the URL's
//!   query and signs that URL alone; the receiver checks the hash against the body and
//!   the signature against the URL.
//!
//! The header is the MAC in base64. A check compares in constant time, and tries the
//! URL as given and with its default port added or removed (`https://host/` and
//! `https://host:443/`), since which of the two Twilio signed depends on how the URL
//! was configured, and a proxy in between often changes it. Any other difference in
//! the URL (scheme, host, a non-default port, the query) fails the check.
//!
//! ```
//! use modelbuild::signature::AuthToken;
//!
//! // The worked example of Twilio's "Webhooks security" guide.
//! let token = AuthToken::new("12345");
//! let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
//! let body = b"CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234\
//!              &From=%2B12349013030&To=%2B18005551212";
//! assert_eq!(token.sign_form_body(url, body).unwrap(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
//! assert!(token.verify_body(url, body, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").is_ok());
//! // Twilio may have signed the URL with its default port.
//! assert!(token.verify_body("https://mycompany.com:443/myapp.php?foo=1&bar=2", body,
//!                           "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").is_ok());
//! // Dropping the query string, as some helper libraries do, breaks it.
//! assert!(token.verify_body("https://mycompany.com/myapp.php", body,
//!                           "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").is_err());
//! ```

mod error;
mod params;
mod url;

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

pub use error::SignatureError;

/// The header Twilio's signature arrives in.
pub const HEADER: &str = "X-Twilio-Signature";

/// The query parameter that carries the SHA-256 of a JSON body.
pub const BODY_SHA256: &str = "bodySHA256";

type HmacSha1 = Hmac<Sha1>;

/// An account's auth token: the key Twilio signs requests with.
///
/// Its `Debug` output hides the token, so it can sit in logged state.
#[derive(Clone)]
pub struct AuthToken {
    token: Box<[u8]>,
}

impl fmt::Debug for AuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthToken(<hidden>)")
    }
}

/// A signed JSON request: the URL to send it to, with `bodySHA256` in its query, and
/// the signature for the `X-Twilio-Signature` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUrl {
    /// The URL with `bodySHA256=<hex>` added to its query.
    pub url: String,
    /// The value of the `X-Twilio-Signature` header.
    pub signature: String,
}

impl AuthToken {
    /// The auth token of an account, as the Twilio console shows it.
    pub fn new(token: impl AsRef<[u8]>) -> Self {
        AuthToken {
            token: token.as_ref().into(),
        }
    }

    /// The signature of a request to `url` with these decoded parameters (a form
    /// POST's body; none for a GET or a JSON body). Their order does not matter, and
    /// a key may be given more than once.
    ///
    /// ```
    /// use modelbuild::signature::AuthToken;
    ///
    /// let token = AuthToken::new("12345");
    /// let url = "https://example.com/hook";
    /// let one = token.sign(url, [("To", "+1"), ("From", "+2")]);
    /// assert_eq!(one, token.sign(url, [("From", "+2"), ("To", "+1")]));
    /// ```
    pub fn sign<K, V>(&self, url: &str, params: impl IntoIterator<Item = (K, V)>) -> String
    where
        K: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        self.signature_of(url, params::sorted(params))
    }

    /// The signature of a form POST to `url` with this raw body
    /// (`application/x-www-form-urlencoded`), decoded as Twilio's helper libraries
    /// decode it: `+` is a space, escapes are bytes, repeated keys are kept.
    pub fn sign_form_body(&self, url: &str, body: &[u8]) -> Result<String, SignatureError> {
        Ok(self.signature_of(url, params::from_form(body)?))
    }

    /// Signs a JSON request as Twilio does: adds the body's SHA-256 to the URL's
    /// query as `bodySHA256` and signs that URL.
    ///
    /// ```
    /// use modelbuild::signature::AuthToken;
    ///
    /// // The JSON vector of Twilio's helper libraries' tests.
    /// let body = br#"{"property": "value", "boolean": true}"#;
    /// let signed = AuthToken::new("12345").sign_json("https://mycompany.com/myapp.php?foo=1&bar=2", body);
    /// assert_eq!(signed.url, "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=\
    ///     0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620");
    /// assert_eq!(signed.signature, "a9nBmqA0ju/hNViExpshrM61xv4=");
    /// ```
    pub fn sign_json(&self, url: &str, body: &[u8]) -> SignedUrl {
        let url = url::with_query_param(url, BODY_SHA256, &body_sha256(body));
        let signature = self.sign(&url, std::iter::empty::<(&[u8], &[u8])>());
        SignedUrl { url, signature }
    }

    /// Checks `signature` for a request to `url` with these decoded parameters.
    pub fn verify<K, V>(
        &self,
        url: &str,
        params: impl IntoIterator<Item = (K, V)>,
        signature: &str,
    ) -> Result<(), SignatureError>
    where
        K: AsRef<[u8]>,
        V: AsRef<[u8]>,
    {
        let given = decode_signature(signature)?;
        self.verify_params(url, params::sorted(params), &given)
    }

    /// Checks `signature` for a request to `url` with this raw body, the way Twilio
    /// chose to sign it: when the URL's query carries `bodySHA256`, the body must have
    /// that SHA-256 and the URL alone is signed (a JSON body); otherwise the body is a
    /// form whose parameters are signed (an empty body has none).
    ///
    /// ```
    /// use modelbuild::signature::{AuthToken, SignatureError};
    ///
    /// let token = AuthToken::new("12345");
    /// let body = br#"{"property": "value", "boolean": true}"#;
    /// let url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=\
    ///            0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    /// assert!(token.verify_body(url, body, "a9nBmqA0ju/hNViExpshrM61xv4=").is_ok());
    /// assert_eq!(
    ///     token.verify_body(url, br#"{"property": "other"}"#, "a9nBmqA0ju/hNViExpshrM61xv4="),
    ///     Err(SignatureError::BodyHash),
    /// );
    /// ```
    pub fn verify_body(&self, url: &str, body: &[u8], signature: &str) -> Result<(), SignatureError> {
        let given = decode_signature(signature)?;
        match url::query_param(url, BODY_SHA256) {
            Some(expected) => {
                if !equal_hex(&body_sha256(body), expected) {
                    return Err(SignatureError::BodyHash);
                }
                self.verify_params(url, Vec::new(), &given)
            }
            None => self.verify_params(url, params::from_form(body)?, &given),
        }
    }

    /// Tries each form of the URL, with the sorted pairs as twilio-python signs them
    /// (a pair given twice, once) and, when the request repeated a pair, as
    /// twilio-node does (every pair).
    fn verify_params(
        &self,
        url: &str,
        every_pair: Vec<params::Pair>,
        given: &[u8],
    ) -> Result<(), SignatureError> {
        let mut distinct = every_pair.clone();
        distinct.dedup();
        let pair_forms = [
            Some(&distinct),
            (distinct.len() != every_pair.len()).then_some(&every_pair),
        ];
        let matches = url::port_variants(url).any(|url| {
            pair_forms
                .iter()
                .flatten()
                .any(|pairs| self.mac(url.as_bytes(), pairs).verify_slice(given).is_ok())
        });
        if matches {
            Ok(())
        } else {
            Err(SignatureError::Mismatch)
        }
    }

    /// The header value for sorted pairs, a pair given twice signed once, as
    /// twilio-python signs it (its published vector).
    fn signature_of(&self, url: &str, mut sorted: Vec<params::Pair>) -> String {
        sorted.dedup();
        BASE64.encode(self.mac(url.as_bytes(), &sorted).finalize().into_bytes())
    }

    fn mac(&self, url: &[u8], params: &[params::Pair]) -> HmacSha1 {
        // HMAC takes a key of any length, so this cannot fail.
        let mut mac =
            <HmacSha1 as KeyInit>::new_from_slice(&self.token).expect("HMAC accepts any key length");
        mac.update(url);
        for (key, value) in params {
            mac.update(key);
            mac.update(value);
        }
        mac
    }
}

/// The lowercase hex SHA-256 of a body: the `bodySHA256` of a signed JSON request.
///
/// ```
/// assert_eq!(
///     modelbuild::signature::body_sha256(b""),
///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
/// );
/// ```
pub fn body_sha256(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xF)]));
    }
    hex
}

/// The header's value as the 20 bytes of a SHA-1 MAC; anything else cannot match.
fn decode_signature(signature: &str) -> Result<Vec<u8>, SignatureError> {
    match BASE64.decode(signature.trim()) {
        Ok(bytes) if bytes.len() == 20 => Ok(bytes),
        _ => Err(SignatureError::Malformed),
    }
}

/// Compares hex digests without an early exit, and without regard to case.
fn equal_hex(computed: &str, given: &str) -> bool {
    computed.len() == given.len()
        && computed
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |differ, (a, b)| differ | (a ^ b.to_ascii_lowercase()))
            == 0
}
