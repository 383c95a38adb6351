#!/usr/bin/env bash
# Times `fzf --filter` on the same names and the same queries as `cargo bench --bench search`,
# typed one character at a time, for the README's performance section.
#
#   bash benches/fzf-compare.sh            # needs fzf on PATH (apt-get install fzf)
#   REPS=5 bash benches/fzf-compare.sh     # more repetitions (default 3; the best counts)
#
# The haystack is what the search matches first: each entry's title and aliases, one entry a
# line ("AWS Lambda | FaaS | ... | lambda"), written by the bench binary so both see the same
# strings. fzf runs as a process per keystroke (start, read the file, match, sort, print), as
# `--filter` does, pinned to one core with taskset when it is available.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null 2>&1; then
  echo "fzf is not installed (try: apt-get install fzf)" >&2
  exit 2
fi

reps="${REPS:-3}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

cargo bench --quiet --bench search -- --write-haystack "$dir" --haystack-only >/dev/null

pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi

# The bench's queries (QUERIES in benches/search.rs).
queries=("lambda" "fargte" "spot instances" "kubernets" "beanstlak")

now_ns() { date +%s%N; }

echo "fzf $(fzf --version | cut -d' ' -f1), one process per keystroke, best of $reps runs"
echo
echo "| data set | lines | fzf --filter: mean | fzf --filter: worst | start-up alone |"
echo "|---|---:|---:|---:|---:|"
for set in embedded grown-2.5k; do
  file="$dir/$set.txt"
  lines=$(wc -l <"$file")
  total=0
  worst=0
  count=0
  for q in "${queries[@]}"; do
    for ((n = 1; n <= ${#q}; n++)); do
      prefix="${q:0:n}"
      best=""
      for ((r = 0; r < reps; r++)); do
        t0=$(now_ns)
        "${pin[@]}" fzf --filter "$prefix" <"$file" >/dev/null || true
        t=$(($(now_ns) - t0))
        if [[ -z "$best" || $t -lt $best ]]; then best=$t; fi
      done
      total=$((total + best))
      count=$((count + 1))
      if ((best > worst)); then worst=$best; fi
    done
  done
  # What a process costs before matching anything: fzf on an empty input.
  startup=""
  for ((r = 0; r < reps; r++)); do
    t0=$(now_ns)
    "${pin[@]}" fzf --filter x </dev/null >/dev/null || true
    t=$(($(now_ns) - t0))
    if [[ -z "$startup" || $t -lt $startup ]]; then startup=$t; fi
  done
  awk -v set="$set" -v lines="$lines" -v total="$total" -v count="$count" -v worst="$worst" \
    -v startup="$startup" 'BEGIN {
      printf "| %s | %d | %.3f ms | %.3f ms | %.3f ms |\n", set, lines,
        total / count / 1e6, worst / 1e6, startup / 1e6
    }'
done
