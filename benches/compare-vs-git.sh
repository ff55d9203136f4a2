#!/bin/sh
# Times the comparison of two revisions of a generated 1,000-paragraph draft (criterion, by
# id and by similarity) and, in the same run, `git diff --no-index --word-diff` on the same
# two texts exported. Usage: benches/compare-vs-git.sh [runs]   (from the crate root)
set -eu
runs=${1:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
RESDRAFT_COMPARE_EXPORT="$dir" cargo bench --bench compare -- --noplot 2>&1 |
    grep -E "paragraphs|time:|error" || true
[ -s "$dir/old.txt" ] || { echo "the bench did not export the texts" >&2; exit 2; }
echo "texts: $(wc -l <"$dir/old.txt") and $(wc -l <"$dir/new.txt") lines"
start=$(date +%s%N)
i=0
while [ "$i" -lt "$runs" ]; do
    git diff --no-index --word-diff "$dir/old.txt" "$dir/new.txt" >/dev/null || true
    i=$((i + 1))
done
end=$(date +%s%N)
echo "git diff --no-index --word-diff: $(( (end - start) / runs / 1000 )) µs per run (mean of $runs)"
