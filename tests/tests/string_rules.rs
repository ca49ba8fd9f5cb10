//! The rules a validator or garde user reaches for, through the derive: email, url, ip,
//! the substring rules, the character classes, credit_card, phone, must_match, keys and
//! skip; each with its code, its message, and `code`/`message` overrides.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use modelbuild::Validate;
use modelbuild_tests::{pairs, paths_and_codes};

fn expect(value: &impl Validate, expected: &[(&str, &str)]) {
    assert_eq!(paths_and_codes(value), pairs(expected));
}

fn messages(value: &impl Validate) -> Vec<String> {
    value.validate().err().map_or_else(Vec::new, |errors| {
        errors.iter().map(|e| e.message().to_owned()).collect()
    })
}

#[derive(Validate)]
struct Signup {
    #[validate(email)]
    email: String,
    #[validate(url(schemes = ["https"]))]
    homepage: Option<String>,
    #[validate(ip)]
    last_ip: String,
    #[validate(ipv4)]
    gateway: String,
    #[validate(ipv6)]
    link_local: Option<String>,
    #[validate(prefix = "UG", suffix = "ok", contains = "-", does_not_contain = "..")]
    tag: String,
    #[validate(ascii, alphanumeric)]
    handle: String,
    #[validate(non_control_character)]
    display_name: String,
    #[validate(credit_card)]
    card: Option<String>,
    #[validate(phone)]
    phone: String,
    password: String,
    #[validate(must_match(password))]
    password_confirm: String,
    #[validate(skip)]
    notes: String,
}

fn valid_signup() -> Signup {
    Signup {
        email: "ada@example.com".into(),
        homepage: Some("https://bücher.de/".into()),
        last_ip: "2001:db8::1".into(),
        gateway: "192.168.0.1".into(),
        link_local: Some("fe80::1".into()),
        tag: "UG-ok".into(),
        handle: "ada42".into(),
        display_name: "Ada Lovelace".into(),
        card: Some("4111 1111 1111 1111".into()),
        phone: "+14155552671".into(),
        password: "correct horse".into(),
        password_confirm: "correct horse".into(),
        notes: "\u{0}anything goes".into(),
    }
}

#[test]
fn a_valid_signup_passes() {
    let signup = valid_signup();
    // `skip` leaves alone a value that a rule would reject.
    assert!(signup.notes.chars().any(char::is_control));
    assert!(signup.validate().is_ok());
}

#[test]
fn every_new_rule_reports_its_code_at_its_path() {
    let signup = Signup {
        email: "ada@".into(),
        homepage: Some("http:foo".into()),
        last_ip: "localhost".into(),
        gateway: "2001:db8::1".into(),
        link_local: Some("192.168.0.1".into()),
        tag: "ug..x".into(),
        handle: "ädä_1".into(),
        display_name: "tab\there".into(),
        card: Some("4111 1111 1111 1112".into()),
        phone: "+1 415 555 2671".into(),
        password: "correct horse".into(),
        password_confirm: "correct hose".into(),
        notes: String::new(),
    };
    expect(
        &signup,
        &[
            ("email", "email"),
            ("homepage", "url"),
            ("last_ip", "ip"),
            ("gateway", "ipv4"),
            ("link_local", "ipv6"),
            ("tag", "prefix"),
            ("tag", "suffix"),
            ("tag", "contains"),
            ("tag", "does_not_contain"),
            ("handle", "ascii"),
            ("handle", "alphanumeric"),
            ("display_name", "non_control_character"),
            ("card", "credit_card"),
            ("phone", "phone"),
            ("password_confirm", "must_match"),
        ],
    );
    assert_eq!(
        messages(&signup),
        [
            "must be an e-mail address",
            "must be a URL with the scheme https",
            "must be an IP address",
            "must be an IPv4 address",
            "must be an IPv6 address",
            "must start with \"UG\"",
            "must end with \"ok\"",
            "must contain \"-\"",
            "must not contain \"..\"",
            "must contain only ASCII characters",
            "must contain only letters and digits",
            "must not contain control characters",
            "must be a card number with a valid check digit",
            "must be a phone number in E.164 form: `+`, then up to 15 digits",
            "must match password",
        ]
    );
}

#[derive(Validate)]
struct Overrides {
    #[validate(email(code = "bad_email", message = "use your work address"))]
    email: String,
    #[validate(prefix(value = "AC", message = "is not an account"))]
    account: String,
    #[validate(must_match(other = email, code = "mismatch"))]
    email_again: String,
    #[validate(ipv4(code = "not_v4"), phone(message = "call me maybe"))]
    odd: String,
}

#[test]
fn code_and_message_override_every_new_rule() {
    let value = Overrides {
        email: "nope".into(),
        account: "UA1".into(),
        email_again: "other".into(),
        odd: "x".into(),
    };
    expect(
        &value,
        &[
            ("email", "bad_email"),
            ("account", "prefix"),
            ("email_again", "mismatch"),
            ("odd", "not_v4"),
            ("odd", "phone"),
        ],
    );
    assert_eq!(
        messages(&value),
        [
            "use your work address",
            "is not an account",
            "must match email",
            "must be an IPv4 address",
            "call me maybe"
        ]
    );
}

#[derive(Validate)]
struct Renamed {
    #[validate(rename = "Password")]
    password: Option<String>,
    #[validate(rename = "PasswordConfirm", must_match(password))]
    password_confirm: Option<String>,
}

#[test]
fn must_match_names_the_other_field_by_its_path_name_and_compares_options() {
    let same = Renamed {
        password: None,
        password_confirm: None,
    };
    assert!(same.validate().is_ok());
    let differ = Renamed {
        password: Some("a".into()),
        password_confirm: None,
    };
    expect(&differ, &[("PasswordConfirm", "must_match")]);
    assert_eq!(messages(&differ), ["must match Password"]);
}

#[derive(Validate)]
enum Change {
    Password {
        new: String,
        #[validate(must_match(new))]
        repeat: String,
    },
}

#[test]
fn must_match_works_in_enum_variants() {
    let change = Change::Password {
        new: "a".into(),
        repeat: "b".into(),
    };
    expect(&change, &[("Password.repeat", "must_match")]);
}

#[derive(Validate)]
struct Labels {
    #[validate(keys(length(max = 8), ascii), each(length(min = 1)))]
    labels: BTreeMap<String, String>,
    #[validate(keys(prefix = "x-"))]
    headers: Option<Rc<HashMap<String, u32>>>,
}

#[test]
fn keys_checks_every_key_and_names_it() {
    let labels = Labels {
        labels: BTreeMap::from([
            ("env".into(), "prod".into()),
            ("much-too-long".into(), "v".into()),
            ("naïve".into(), String::new()),
        ]),
        headers: Some(Rc::new(HashMap::from([
            ("x-trace".into(), 1),
            ("trace".into(), 2),
        ]))),
    };
    expect(
        &labels,
        &[
            ("labels[much-too-long]", "length"),
            ("labels[naïve]", "ascii"),
            ("labels[naïve]", "length"),
            ("headers[trace]", "prefix"),
        ],
    );
}

#[derive(Validate)]
struct Each {
    #[validate(each(email))]
    recipients: Vec<String>,
    #[validate(each(phone, prefix = "+1"))]
    numbers: [&'static str; 2],
}

#[test]
fn new_rules_work_inside_each() {
    let value = Each {
        recipients: vec!["a@example.com".into(), "b@".into()],
        numbers: ["+14155552671", "+442071838750"],
    };
    expect(&value, &[("recipients[1]", "email"), ("numbers[1]", "prefix")]);
}

#[test]
fn absent_values_pass_every_string_rule() {
    let mut signup = valid_signup();
    signup.homepage = None;
    signup.link_local = None;
    signup.card = None;
    assert!(signup.validate().is_ok());
}

/// validator's spelling of `contains` and `does_not_contain`, `pattern = ".."` (a text,
/// not a regex there either), reads as `value`.
#[test]
fn contains_takes_validators_pattern_key() {
    #[derive(Validate)]
    struct Comment {
        #[validate(contains(pattern = "@"), does_not_contain(pattern = "#", code = "hash"))]
        text: String,
    }
    assert!(Comment { text: "a@b".into() }.validate().is_ok());
    let errors = Comment { text: "a#b".into() }.validate().unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["contains", "hash"]);
}
