#!/usr/bin/env bash
# Times clean `cargo build`s (dev profile), one after the other, each in a target
# directory of its own: modelbuild without default features (the derive and its
# runtime: what garde with its derive offers), a crate that depends only on garde
# with its derive, and modelbuild with its defaults (plus the ModelBuild models with
# serde's derive and the time crate, and the regex engine for `pattern`).
# Run from anywhere: bash benches/build_time.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/build-time"
rm -rf "$out"
cargo fetch --manifest-path "$root/Cargo.toml" >/dev/null
cargo fetch --manifest-path "$root/benches/garde-build/Cargo.toml" >/dev/null

time_build() {
    local start end
    start=$(date +%s.%N)
    # Cargo's default dev profile (full debuginfo), as a user's project builds these
    # crates, rather than this workspace's line tables.
    CARGO_PROFILE_DEV_DEBUG=true CARGO_TARGET_DIR="$out/$1" cargo build --quiet --offline "${@:2}"
    end=$(date +%s.%N)
    echo "$1: $(echo "$end - $start" | bc) s"
}

echo "clean dev builds on $(nproc) cores, $(rustc --version)"
time_build modelbuild-derive-only --manifest-path "$root/Cargo.toml" -p modelbuild --no-default-features
time_build garde-derive --manifest-path "$root/benches/garde-build/Cargo.toml"
time_build modelbuild-default --manifest-path "$root/Cargo.toml" -p modelbuild
