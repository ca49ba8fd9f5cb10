//! AFL++ entry point; the logic and its invariants are in `modelbuild_fuzz::form`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        modelbuild_fuzz::form(data);
    });
}
