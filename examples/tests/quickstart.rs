//! The quickstart prints exactly `quickstart.out`, which fits one screen, and README
//! shows that same output.

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

#[test]
fn readme_shows_the_output() {
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(EXPECTED),
        "README's quickstart block differs from tests/quickstart.out"
    );
}
