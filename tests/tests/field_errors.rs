//! A reported error refers to its call site's report and, on a top-level field, to a
//! path kept in static data; what it says is the same as an error made by hand, and
//! changing one error changes no other.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use modelbuild::{FieldError, Params, Path, Segment, Validate};

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(max = 4, message = "too long: at most {max}"))]
    unique_name: String,
    #[validate(required(code = "missing"))]
    status: Option<String>,
}

fn invalid() -> Build {
    Build {
        sid: "UG1".into(),
        unique_name: "nightly".into(),
        status: None,
    }
}

fn hash_of(path: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    path.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn a_reported_error_equals_the_same_error_made_by_hand() {
    let errors = invalid().validate().unwrap_err();
    let made = [
        FieldError::new(
            Path::from_segments(vec![Segment::Field("sid".into())]),
            "sid",
            "must be a SID: \"UG\" followed by 32 hexadecimal digits",
        )
        .with_params(Params::new().with("prefix", "UG")),
        FieldError::new(
            Path::from_segments(vec![Segment::Field("unique_name".into())]),
            "length",
            "too long: at most 4",
        )
        .with_params(Params::new().with("max", 4u64).with("unit", "chars")),
        FieldError::new(
            Path::from_segments(vec![Segment::Field("status".into())]),
            "missing",
            "is required",
        ),
    ];
    let reported: Vec<&FieldError> = errors.iter().collect();
    assert_eq!(reported.len(), made.len());
    for (reported, made) in reported.iter().zip(&made) {
        assert_eq!(reported.params(), made.params(), "{}", made.path());
        assert_eq!(*reported, made);
        assert_eq!(format!("{reported:?}"), format!("{made:?}"));
        assert_eq!(hash_of(reported.path()), hash_of(made.path()));
        assert_eq!(reported.path().segments(), made.path().segments());
    }
}

#[test]
fn changing_one_error_leaves_its_call_sites_report_alone() {
    let first = invalid().validate().unwrap_err();
    let sid = first.iter().next().unwrap().clone();
    let changed = sid
        .clone()
        .with_message("kein SID")
        .with_params(Params::new().with("prefix", "UA"));
    assert_eq!(changed.message(), "kein SID");
    assert_eq!(
        changed.params().get("prefix").and_then(|p| p.as_str()),
        Some("UA")
    );
    assert_eq!((changed.code(), changed.path()), (sid.code(), sid.path()));

    let mut translated = invalid().validate().unwrap_err();
    translated.translate(&|code: &str, _: &Params| (code == "sid").then_some("ungültig"));
    assert_eq!(translated.iter().next().unwrap().message(), "ungültig");
    assert_eq!(translated.iter().next().unwrap().params(), sid.params());

    // The same call site reports as it did before any of that.
    let again = invalid().validate().unwrap_err();
    assert_eq!(again, first);
    assert_eq!(again.iter().next().unwrap().message(), sid.message());
}

#[test]
fn a_nested_error_owns_its_path_and_still_shares_its_report() {
    #[derive(Validate)]
    struct Page {
        #[validate(nested)]
        builds: Vec<Build>,
    }
    let page = Page {
        builds: vec![invalid(), invalid()],
    };
    let errors = page.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "builds[0].sid",
            "builds[0].unique_name",
            "builds[0].status",
            "builds[1].sid",
            "builds[1].unique_name",
            "builds[1].status"
        ]
    );
    let sids: Vec<&FieldError> = errors.iter().filter(|e| e.code() == "sid").collect();
    assert_eq!(sids[0].message(), sids[1].message());
    assert_ne!(sids[0], sids[1]);
}

#[test]
fn an_error_is_six_words() {
    // Its path (four words) and one pointer to its report, with the variant's tag: what
    // pushing and dropping an error costs (README, "Performance").
    assert!(std::mem::size_of::<FieldError>() <= 6 * std::mem::size_of::<usize>());
}
