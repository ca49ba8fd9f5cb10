//! Writes `tests/facts/model_build.json` from Twilio's official definition in
//! `../shared/spec` (or `$MODELBUILD_SPEC_DIR`).
//!
//! `cargo run -p modelbuild-tests --bin extract-facts`

use modelbuild_tests::facts;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(extracted) = facts::extract_from_spec_dir()? else {
        let dir = facts::spec_dir();
        return Err(format!("no twilio_autopilot_v1.json in {}", dir.display()).into());
    };
    let path = facts::committed_path();
    std::fs::write(&path, facts::to_text(&extracted))?;
    println!("wrote {}", path.display());
    Ok(())
}
