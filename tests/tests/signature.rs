//! `modelbuild::signature` on the vectors published by Twilio and its helper libraries,
//! on strings signed here by hand (each signed string spelled out and MACed with the
//! RustCrypto crates directly), and on the pitfalls their issue trackers report.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use modelbuild::signature::{body_sha256, AuthToken, SignatureError};

const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

/// HMAC-SHA1 in base64 of exactly `signed`: the oracle, independent of the crate's
/// sorting, decoding and URL handling.
fn mac(token: &str, signed: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(token.as_bytes()).unwrap();
    mac.update(signed.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

fn token() -> AuthToken {
    AuthToken::new("12345")
}

#[test]
fn twilios_worked_example_from_the_body_and_from_the_params() {
    // From Twilio's "Webhooks security" guide.
    let body =
        b"CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";
    let expected = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    assert_eq!(token().sign_form_body(URL, body).unwrap(), expected);
    let params = [
        ("To", "+18005551212"),
        ("Digits", "1234"),
        ("CallSid", "CA1234567890ABCDE"),
        ("From", "+12349013030"),
        ("Caller", "+12349013030"),
    ];
    assert_eq!(token().sign(URL, params), expected);
    assert_eq!(token().verify(URL, params, expected), Ok(()));
    assert_eq!(token().verify_body(URL, body, expected), Ok(()));
    assert_eq!(
        mac("12345", "https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212"),
        expected
    );
}

#[test]
fn the_helper_libraries_vectors() {
    // twilio-python's and twilio-php's tests: the same request with other numbers.
    let params = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
        ("Caller", "+14158675309"),
    ];
    assert_eq!(token().sign(URL, params), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // Signed with the default port, checked against the URL without it.
    assert_eq!(
        token().verify(URL, params, "kvajT1Ptam85bY51eRf/AJRuM3w="),
        Ok(())
    );
    let http = URL.replace("https", "http");
    assert_eq!(
        token().verify(&http, params, "0ZXoZLH/DfblKGATFgpif+LLRf4="),
        Ok(())
    );
    // A key given several times, with a value repeated: keys sorted, values sorted,
    // the repeated pair once.
    let repeated = [
        ("Sid", "CA123"),
        ("SidAccount", "AC123"),
        ("Digits", "5678"),
        ("Digits", "1234"),
        ("Digits", "1234"),
    ];
    assert_eq!(token().sign(URL, repeated), "IK+Dwps556ElfBT0I3Rgjkr1wJU=");
    assert_eq!(
        token().verify(URL, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="),
        Ok(())
    );
    // JSON: the body's SHA-256 in the URL, the URL alone signed.
    let body = br#"{"property": "value", "boolean": true}"#;
    assert_eq!(
        body_sha256(body),
        "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
    );
    let signed = token().sign_json(URL, body);
    assert_eq!(signed.signature, "a9nBmqA0ju/hNViExpshrM61xv4=");
    assert_eq!(token().verify_body(&signed.url, body, &signed.signature), Ok(()));
}

#[test]
fn the_query_string_is_signed() {
    // The `twilio` crate drops it: a signature over the bare path must not pass, and
    // one over the full URL must not pass for the bare path.
    let body = b"Digits=1234";
    let full = token().sign_form_body(URL, body).unwrap();
    let bare = token()
        .sign_form_body("https://mycompany.com/myapp.php", body)
        .unwrap();
    assert_eq!(
        token().verify_body("https://mycompany.com/myapp.php", body, &full),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        token().verify_body(URL, body, &bare),
        Err(SignatureError::Mismatch)
    );
    // The URL is signed as it was sent: not re-encoded, not re-ordered (twilio-node
    // #145 and #1079, bmlt-enabled/yap #1629).
    let raw = "https://a.test/hook?RetryMessage=Couldn%27t+find&b=2&a=1";
    let signature = mac("12345", &format!("{raw}Digits1234"));
    assert_eq!(token().verify_body(raw, body, &signature), Ok(()));
    for rewritten in [
        "https://a.test/hook?RetryMessage=Couldn't+find&b=2&a=1",
        "https://a.test/hook?RetryMessage=Couldn%27t%20find&b=2&a=1",
        "https://a.test/hook?a=1&b=2&RetryMessage=Couldn%27t+find",
    ] {
        assert_eq!(
            token().verify_body(rewritten, body, &signature),
            Err(SignatureError::Mismatch),
            "{rewritten}"
        );
    }
}

#[test]
fn only_the_default_port_may_differ() {
    let body = b"A=1";
    for (signed_url, received_url) in [
        ("https://a.test:443/x?q", "https://a.test/x?q"),
        ("https://a.test/x?q", "https://a.test:443/x?q"),
        ("http://a.test:80/x", "http://a.test/x"),
        ("http://a.test/x", "http://a.test:80/x"),
    ] {
        let signature = mac("12345", &format!("{signed_url}A1"));
        assert_eq!(
            token().verify_body(received_url, body, &signature),
            Ok(()),
            "{signed_url} vs {received_url}"
        );
    }
    // The `twilio` crate strips any port; a port that is not the scheme's default is
    // part of what was signed, and so are the scheme and the host.
    for (signed_url, received_url) in [
        ("https://a.test:8443/x", "https://a.test/x"),
        ("https://a.test/x", "https://a.test:8443/x"),
        ("https://a.test:80/x", "https://a.test/x"),
        ("http://a.test/x", "https://a.test/x"),
        ("https://a.test/x", "https://b.test/x"),
    ] {
        let signature = mac("12345", &format!("{signed_url}A1"));
        assert_eq!(
            token().verify_body(received_url, body, &signature),
            Err(SignatureError::Mismatch),
            "{signed_url} vs {received_url}"
        );
    }
}

#[test]
fn repeated_keys_are_kept_and_sorted_bytewise() {
    // The `twilio` crate collects the form into a map and keeps one value per key;
    // Autopilot sends a field several times (twilio-python #613).
    let body = b"numbers=3&numbers=1&numbers=20";
    let signature = mac("12345", "https://a.test/autopilotnumbers1numbers20numbers3");
    assert_eq!(
        token().sign_form_body("https://a.test/autopilot", body).unwrap(),
        signature
    );
    let last_only = mac("12345", "https://a.test/autopilotnumbers20");
    assert_eq!(
        token().verify_body("https://a.test/autopilot", body, &last_only),
        Err(SignatureError::Mismatch)
    );
    // A pair given twice: twilio-python signs it once, twilio-node twice; both pass.
    let twice = b"D=1&D=1";
    for signed in ["https://a.test/D1", "https://a.test/D1D1"] {
        assert_eq!(
            token().verify_body("https://a.test/", twice, &mac("12345", signed)),
            Ok(()),
            "{signed}"
        );
    }
    // Byte order, not a locale's: upper case before lower case.
    let body = b"a=1&B=2&Body=h%C3%A9llo+w%C3%B6rld+%E2%9C%93&Empty=";
    let signature = mac("12345", "https://example.com/hookB2Bodyhéllo wörld ✓Emptya1");
    assert_eq!(
        token().sign_form_body("https://example.com/hook", body).unwrap(),
        signature
    );
    // An independent computation (Python's hmac module) of the same string.
    assert_eq!(signature, "8lsFZbwkfNIgrB9zr5X/080B6+w=");
}

#[test]
fn the_body_is_read_as_bytes_and_a_broken_escape_is_an_error() {
    // Invalid UTF-8 is still what was signed: it is MACed as bytes, not repaired.
    let body = b"Body=%FF%FE";
    let signature = token().sign_form_body("https://a.test/", body).unwrap();
    assert_eq!(
        token().verify(
            " https://a.test/".trim(),
            [(b"Body".as_slice(), [0xFF, 0xFE].as_slice())],
            &signature
        ),
        Ok(())
    );
    assert_eq!(
        token().verify_body("https://a.test/", b"Body=%FF%FF", &signature),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        token().verify_body("https://a.test/", b"A=1&Body=%F", &signature),
        Err(SignatureError::Form { offset: 9 })
    );
    // `+` is a space, `%2B` a plus: they sign differently.
    assert_ne!(
        token().sign_form_body("https://a.test/", b"To=+1").unwrap(),
        token().sign_form_body("https://a.test/", b"To=%2B1").unwrap()
    );
}

#[test]
fn a_json_body_must_match_its_hash_and_the_url_its_signature() {
    let body = br#"{"ModelBuildSid":"UG0123456789abcdef0123456789abcdef","Status":"completed"}"#;
    let signed = token().sign_json("https://a.test/callback?x=1", body);
    assert!(signed.url.starts_with("https://a.test/callback?x=1&bodySHA256="));
    assert_eq!(signed.signature, mac("12345", &signed.url));
    assert_eq!(token().verify_body(&signed.url, body, &signed.signature), Ok(()));
    let tampered = br#"{"ModelBuildSid":"UG0123456789abcdef0123456789abcdef","Status":"failed"}"#;
    assert_eq!(
        token().verify_body(&signed.url, tampered, &signed.signature),
        Err(SignatureError::BodyHash)
    );
    // The hash may be given in upper case; the signature still covers the URL's text.
    let upper = signed
        .url
        .replace(&body_sha256(body), &body_sha256(body).to_uppercase());
    assert_eq!(token().verify_body(&upper, body, &mac("12345", &upper)), Ok(()));
    assert_eq!(
        token().verify_body(&upper, body, &signed.signature),
        Err(SignatureError::Mismatch)
    );
    // Without `bodySHA256` a JSON body is read as a form, and the signature fails.
    assert_eq!(
        token().verify_body("https://a.test/callback?x=1", body, &signed.signature),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn a_wrong_or_malformed_signature_is_refused_and_says_which() {
    let body = b"A=1";
    let good = token().sign_form_body(URL, body).unwrap();
    assert_eq!(token().verify_body(URL, body, &format!(" {good} ")), Ok(()));
    assert_eq!(
        AuthToken::new("54321").verify_body(URL, body, &good),
        Err(SignatureError::Mismatch)
    );
    // One bit off in the last byte.
    let mut bytes = STANDARD.decode(&good).unwrap();
    bytes[19] ^= 1;
    assert_eq!(
        token().verify_body(URL, body, &STANDARD.encode(&bytes)),
        Err(SignatureError::Mismatch)
    );
    for malformed in ["", "not base64!", &good[..20], &STANDARD.encode([0u8; 32])] {
        assert_eq!(
            token().verify_body(URL, body, malformed),
            Err(SignatureError::Malformed),
            "{malformed:?}"
        );
    }
    assert_eq!(
        SignatureError::Mismatch.to_string(),
        "the X-Twilio-Signature header does not match the request"
    );
    // The token never shows in logs.
    assert_eq!(format!("{:?}", token()), "AuthToken(<hidden>)");
}
