#!/usr/bin/env bash
# Times `papershelf import` on the 10k corpus as BibTeX (target/data/conference-papers.bib, which
# crates/cli/tests/round_trip.rs writes): a first import into a new file, and a re-import that
# merges into it. Prints a Markdown table of the median of five runs each, for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bib=target/data/conference-papers.bib
bin=target/release/papershelf
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    [ "$1" = new ] && rm -f "$out/publications.json"
    local start end
    start=$(date +%s%N)
    "$bin" import "$bib" -o "$out/publications.json" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

entries=$(grep -c '^@' "$bib")
new=$(median_ms new)
merge=$(median_ms merge)
echo "| Import of the 10k corpus as BibTeX ($entries entries, $(( $(wc -c < "$bib") / 1024 )) KB) | Median of 5 |"
echo "|---|---:|"
echo "| Into a new publications.json | $new ms |"
echo "| Again, merging into that file (every entry matched) | $merge ms |"
