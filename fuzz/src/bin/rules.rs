//! AFL++ entry point; the logic and its invariants are in `modelbuild_fuzz::rules`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        modelbuild_fuzz::rules(data);
    });
}
