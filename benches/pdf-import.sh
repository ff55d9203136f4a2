#!/usr/bin/env bash
# Times `resdraft import X.pdf` (whole process) over every PDF of ../shared/corpus/un80/pdf:
# best of RUNS runs (default 3) of wall and CPU (user + system) time, with the page count, as a
# Markdown table; the total and median last. Usage: benches/pdf-import.sh [BIN] [RUNS]
set -euo pipefail
bin=${1:-target/release/resdraft}
runs=${2:-3}
dir=$(cd "$(dirname "$0")/.." && pwd)/../shared/corpus/un80/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| PDF | pages | CPU ms | wall ms |"
echo "| --- | --- | --- | --- |"
for f in "$dir"/*.pdf; do
  best_wall=999999 best_cpu=999999
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$bin" import "$f" -o "$tmp/d.toml" --force >/dev/null 2>&1 || true
    read -r e u s < "$tmp/t"
    wall=$(awk -v e="$e" 'BEGIN{printf "%d", e*1000}')
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}')
    (( wall < best_wall )) && best_wall=$wall
    (( cpu < best_cpu )) && best_cpu=$cpu
  done
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  name=$(basename "$f" .pdf | tr _ /)
  echo "| $name | ${pages:-?} | $best_cpu | $best_wall |"
  echo "$best_cpu $best_wall" >> "$tmp/all"
done
sort -n "$tmp/all" | awk '{c[NR]=$1; w[NR]=$2; tc+=$1; tw+=$2} END {
  printf "\n%d PDFs: total %d ms CPU, %d ms wall; median %d ms CPU\n", NR, tc, tw, c[int((NR+1)/2)] }'
