#!/bin/sh
# The editorial check on the adopted resolutions (A/RES) of ../shared/corpus/un80: findings per
# rule and per resolution (the test tests/check_rate.rs, in release mode, with its output).
# Usage: benches/check-rate.sh [--list]   (from the crate root; --list prints every finding as
# file, rule, place, message, suggestion, tab-separated)
set -eu
if [ "${1:-}" = "--list" ]; then
    CHECK_RATE_LIST=1
    export CHECK_RATE_LIST
fi
start=$(date +%s%N)
status=0
RUST_BACKTRACE=0 cargo test --release --quiet --test check_rate -- --nocapture 2>&1 |
    grep -vE '^(running [0-9]+ test|test result:|$)' || status=$?
end=$(date +%s%N)
echo "elapsed (build check, import and check of the set): $(( (end - start) / 1000000 )) ms"
exit "$status"
