#!/usr/bin/env bash
# Times README's two commands as a new user meets them: on a fresh clone of this
# repository alone (the crates already downloaded by `cargo fetch`, which is network
# time, not build time), cold and then warm:
#   cargo run --example quickstart    fresh clone, then again
#   cargo test --workspace            fresh clone (its own target dir), then again
# Run it on a quiet machine: bash benches/two_commands.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    printf '%.1f' "$(echo "$end - $start" | bc)"
}

clone() {
    git clone --quiet "$root" "$work/$1"
    (cd "$work/$1" && cargo fetch --quiet)
}

echo "$(nproc) cores, $(rustc --version), commit $(git -C "$root" rev-parse --short HEAD)"
clone quickstart
cd "$work/quickstart"
echo "cargo run --example quickstart: cold $(seconds cargo run --example quickstart) s, warm $(seconds cargo run --example quickstart) s"
clone tests
cd "$work/tests"
echo "cargo test --workspace: cold $(seconds cargo test --workspace) s, warm $(seconds cargo test --workspace) s"
