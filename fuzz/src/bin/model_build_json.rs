//! AFL++ entry point; the logic and its invariants are in `modelbuild_fuzz::model_build_json`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        modelbuild_fuzz::model_build_json(data);
    });
}
