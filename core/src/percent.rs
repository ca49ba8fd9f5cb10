//! Percent-decoding of one form key or value, shared by the strict form decoder and
//! the signature check, which must see the very bytes Twilio signed.

/// Decodes `%XX` escapes and `+` (a space in a form). A `%` not followed by two
/// hexadecimal digits is an error at its byte offset in `raw`: repairing it, as
/// lenient decoders do, would change the data.
pub(crate) fn decode(raw: &[u8]) -> Result<Vec<u8>, usize> {
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
            b'+' => {
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
}
