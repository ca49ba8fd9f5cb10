#!/usr/bin/env bash
# Builds the fuzz targets with afl.rs (stable toolchain) and runs one of them under
# AFL++ for a number of seconds, from the checked-in corpus.
#   one-time:  cargo install cargo-afl   (it builds AFL++ for this rustc)
#   run:       bash fuzz/run.sh rules 600
# Findings land in target/afl/<target>/default/{crashes,hangs,queue}; fuzzer_stats
# there says how many executions ran.
set -euo pipefail
target="${1:?target: rules, model_build_json or form}"
seconds="${2:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo afl build --release --features afl -p modelbuild-fuzz
mkdir -p target/afl-bin
cp "target/release/$target" "target/afl-bin/$target"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
mkdir -p target/afl
cargo afl fuzz -V "$seconds" -i "fuzz/corpus/$target" -o "target/afl/$target" "target/afl-bin/$target"
