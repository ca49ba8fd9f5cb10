//! The quickstart prints exactly `quickstart.out`, which fits one screen, and README
//! shows its first part, right below the payload type whose rules it reports.

#[allow(dead_code)] // its `main`: the test calls `run`
#[path = "../quickstart.rs"]
mod quickstart;

const EXPECTED: &str = include_str!("quickstart.out");

fn output() -> String {
    let mut out = Vec::new();
    quickstart::run(&mut out).expect("the quickstart runs");
    String::from_utf8(out).expect("the quickstart prints UTF-8")
}

#[test]
fn the_quickstart_prints_what_is_expected() {
    let output = output();
    if output != EXPECTED {
        panic!("the quickstart printed:\n{output}\nexpected tests/quickstart.out:\n{EXPECTED}");
    }
}

#[test]
fn the_output_fits_one_screen() {
    let lines = EXPECTED.lines().count();
    assert!(lines <= 60, "{lines} lines");
}

const README: &str = include_str!("../../README.md");

/// Part 1 of the output, the derive on a payload, which README shows (it describes the
/// rest, the ModelBuild part, in prose).
fn part_one() -> &'static str {
    let end = EXPECTED.find("\n2. ").expect("the output has a part 2");
    &EXPECTED[..end]
}

#[test]
fn readme_shows_the_output() {
    assert!(
        README.contains(&format!("```text\n{}```", part_one())),
        "README's quickstart block differs from part 1 of tests/quickstart.out"
    );
}

/// The payload types of part 1, `Subscription` and `Contact`, as the quickstart has
/// them: from `Subscription`'s derive to the end of `Contact`.
fn payload_types() -> &'static str {
    let source = include_str!("../quickstart.rs");
    let start = source
        .find("#[derive(Deserialize, Validate)]\n#[serde(rename_all = \"camelCase\")]\nstruct Subscription")
        .expect("the quickstart defines Subscription");
    let contact = start + source[start..].find("struct Contact {").expect("then Contact");
    let end = contact + source[contact..].find("\n}\n").expect("Contact ends") + "\n}\n".len();
    &source[start..end]
}

#[test]
fn readme_shows_the_payload_types_right_above_the_output() {
    let types = payload_types();
    let shown = README
        .find(types)
        .unwrap_or_else(|| panic!("README does not show the quickstart's payload types:\n{types}"));
    let output = README.find(part_one()).expect("README shows the output");
    let between = &README[shown + types.len()..output];
    assert!(
        shown < output && between.lines().count() <= 6,
        "README's payload types are not right above the output; between them:\n{between}"
    );
}
