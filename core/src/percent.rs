//! Percent-decoding of a form's pairs, shared by the strict form decoder and the
//! signature check, which must see the very bytes Twilio signed.

/// Each `key=value` pair of a form body, decoded, in order; empty segments
/// (`a=1&&b=2`) carry nothing, and a key without `=` has the empty value. A bad escape
/// is an error at its byte offset in `body`.
pub(crate) fn pairs(body: &[u8]) -> impl Iterator<Item = Result<(Vec<u8>, Vec<u8>), usize>> + '_ {
    raw_pairs(body).map(|pair| {
        let key = decode(pair.key).map_err(|at| pair.key_offset + at)?;
        let value = decode(pair.value).map_err(|at| pair.value_offset + at)?;
        Ok((key, value))
    })
}

/// A `key=value` segment of a form body, not yet decoded, with where each part starts
/// in the body.
pub(crate) struct RawPair<'a> {
    pub key: &'a [u8],
    pub key_offset: usize,
    pub value: &'a [u8],
    pub value_offset: usize,
}

/// Each `key=value` segment of a form body, in order, empty segments left out.
pub(crate) fn raw_pairs(body: &[u8]) -> impl Iterator<Item = RawPair<'_>> + '_ {
    let mut offset = 0;
    body.split(|&byte| byte == b'&').filter_map(move |segment| {
        let start = offset;
        offset += segment.len() + 1;
        if segment.is_empty() {
            return None;
        }
        let split = segment
            .iter()
            .position(|&byte| byte == b'=')
            .unwrap_or(segment.len());
        Some(RawPair {
            key: &segment[..split],
            key_offset: start,
            value: segment.get(split + 1..).unwrap_or_default(),
            value_offset: start + split + 1,
        })
    })
}

/// Decodes `%XX` escapes and `+` (a space in a form). A `%` not followed by two
/// hexadecimal digits is an error at its byte offset in `raw`: repairing it, as
/// lenient decoders do, would change the data.
pub(crate) fn decode(raw: &[u8]) -> Result<Vec<u8>, usize> {
    decode_escapes(raw, true)
}

/// Decodes `%XX` escapes in a path segment, where `+` is itself.
#[cfg(feature = "actix")]
pub(crate) fn decode_path(raw: &[u8]) -> Result<Vec<u8>, usize> {
    decode_escapes(raw, false)
}

fn decode_escapes(raw: &[u8], plus_is_space: bool) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'%' => {
                let high = raw.get(i + 1).copied().and_then(hex_value);
                let low = raw.get(i + 2).copied().and_then(hex_value);
                match (high, low) {
                    (Some(high), Some(low)) => out.push(high << 4 | low),
                    _ => return Err(i),
                }
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn escapes_and_plus_decode_and_bad_escapes_are_placed() {
        assert_eq!(decode(b"a+b%2Bc%e2%82%AC").unwrap(), "a b+c\u{20ac}".as_bytes());
        assert_eq!(decode(b"ok%zz"), Err(2));
        assert_eq!(decode(b"%4"), Err(0));
        assert_eq!(decode(b"%FF").unwrap(), [0xFF]);
    }

    #[test]
    fn pairs_split_decode_and_place_their_errors_in_the_body() {
        let found: Vec<_> = super::pairs(b"a=1&&b&c=%41+").collect();
        let pair = |k: &[u8], v: &[u8]| Ok((k.to_vec(), v.to_vec()));
        assert_eq!(found, [pair(b"a", b"1"), pair(b"b", b""), pair(b"c", b"A ")]);
        assert_eq!(super::pairs(b"a=1&b%=2").nth(1), Some(Err(5)));
        assert_eq!(super::pairs(b"a=1&b=%x").nth(1), Some(Err(6)));
    }
}
