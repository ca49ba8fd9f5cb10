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

/// The pairs of a form body, sorted. Empty segments (`a=1&&b=2`) carry nothing; a key
/// without `=` has the empty value.
pub(super) fn from_form(body: &[u8]) -> Result<Vec<Pair>, SignatureError> {
    let mut pairs = Vec::new();
    let mut offset = 0;
    for segment in body.split(|&byte| byte == b'&') {
        let start = offset;
        offset += segment.len() + 1;
        if segment.is_empty() {
            continue;
        }
        let split = segment
            .iter()
            .position(|&byte| byte == b'=')
            .unwrap_or(segment.len());
        let key =
            percent::decode(&segment[..split]).map_err(|at| SignatureError::Form { offset: start + at })?;
        let value = percent::decode(segment.get(split + 1..).unwrap_or_default()).map_err(|at| {
            SignatureError::Form {
                offset: start + split + 1 + at,
            }
        })?;
        pairs.push((key, value));
    }
    pairs.sort_unstable();
    Ok(pairs)
}
