//! The parameters a signature covers: decoded bytes, sorted.

use super::SignatureError;
use crate::percent;

/// One decoded key and value. Bytes, not strings: Twilio signs what it sent, and a
/// check must not fail, or pass, because of how text would have been repaired.
pub(super) type Pair = (Vec<u8>, Vec<u8>);

/// The pairs sorted by key, then value, bytewise: Twilio's order, in which a
/// repeated key appears once per value.
pub(super) fn sorted<K: AsRef<[u8]>, V: AsRef<[u8]>>(params: impl IntoIterator<Item = (K, V)>) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = params
        .into_iter()
        .map(|(key, value)| (key.as_ref().to_vec(), value.as_ref().to_vec()))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The pairs of a form body, sorted.
pub(super) fn from_form(body: &[u8]) -> Result<Vec<Pair>, SignatureError> {
    let mut pairs = percent::pairs(body)
        .collect::<Result<Vec<Pair>, usize>>()
        .map_err(|offset| SignatureError::Form { offset })?;
    pairs.sort_unstable();
    Ok(pairs)
}
