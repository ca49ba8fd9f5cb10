//! Replays every checked-in corpus file (seeds, and what fuzzing found worth keeping)
//! through its target, so each `cargo test` re-checks them on the stable toolchain.

use std::fs;
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target);
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        run(&fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count > 0, "no corpus in {}", dir.display());
}

#[test]
fn rules_corpus() {
    replay("rules", modelbuild_fuzz::rules);
}

#[test]
fn model_build_json_corpus() {
    replay("model_build_json", modelbuild_fuzz::model_build_json);
}

#[test]
fn form_corpus() {
    replay("form", modelbuild_fuzz::form);
}
