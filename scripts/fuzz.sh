#!/usr/bin/env bash
# Runs each fuzz target of fuzz/ for a short while (not part of CI).
#
#   scripts/fuzz.sh            # every target, 60 s each
#   scripts/fuzz.sh 300        # every target, 300 s each
#   scripts/fuzz.sh 60 rules_parse
#
# Installs cargo-fuzz when it is missing. cargo-fuzz needs a nightly
# compiler (sanitizer flags); when no nightly toolchain is installed the
# script uses the stable one with RUSTC_BOOTSTRAP=1, which unlocks the same
# flags. A crash leaves its input in fuzz/artifacts/TARGET/; turn each one
# into a regression test in tests/ (see TESTING.md) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(clean_bytes jsonl_record rules_parse)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
else
    echo "fuzz.sh: no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1" >&2
    export RUSTC_BOOTSTRAP=1
fi

# Seed corpora from the real articles so that the fuzzer starts from
# article-shaped input instead of from nothing.
mkdir -p fuzz/corpus/clean_bytes fuzz/corpus/jsonl_record fuzz/corpus/rules_parse
for input in fixtures/*/input.*; do
    [ -f "$input" ] || continue
    name="$(basename "$(dirname "$input")")"
    cp "$input" "fuzz/corpus/clean_bytes/$name"
done
printf '%s\n' '{"id":1,"text":"Title\n\nBody caf\u00c3\u00a9 &amp; bar.\n\nBody caf\u00c3\u00a9 &amp; bar.","lang":"en"}' \
    >fuzz/corpus/jsonl_record/seed-record
if [ -f src/filters/boilerplate.rules ]; then
    cp src/filters/boilerplate.rules fuzz/corpus/rules_parse/builtin
fi

status=0
for target in "${targets[@]}"; do
    echo "fuzz.sh: $target for ${seconds}s" >&2
    # The crate forbids unsafe code, so the address sanitizer finds little
    # and costs a lot of speed: run without it. -max_len keeps inputs
    # article-sized; -timeout flags a single input that takes more than
    # 10 s as a hang.
    if ! cargo "${toolchain[@]}" fuzz run --release --sanitizer none "$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1; then
        echo "fuzz.sh: $target found a failure; its input is in fuzz/artifacts/$target/" >&2
        status=1
    fi
done
exit "$status"
