#!/usr/bin/env bash
# Benchmark: `incident check` against the bare Markdown parse of the same
# files and against markdownlint-cli2, at N and 2N reports.
#
#   bench/run.sh            10,000 and 20,000 reports
#   bench/run.sh 200        a small run (CI uses this so the script cannot rot)
#
# Reports are copies of ../shared/corpus/real/*.md when that folder exists,
# else of the project's own examples. Prints wall time, peak memory (from
# /usr/bin/time or /proc) and the ratios the README quotes.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- building (release)"
cargo build --release --quiet
cargo build --release --quiet --bench bare_parse
bare=$(ls -t target/release/deps/bare_parse-* | grep -v '\.d$' | head -1)

sources=()
if [[ -d ../shared/corpus/real ]]; then
  while IFS= read -r f; do sources+=("$f"); done < <(ls ../shared/corpus/real/*.md)
  origin="../shared/corpus/real (${#sources[@]} reports)"
else
  while IFS= read -r f; do sources+=("$f"); done < <(find examples -name '*.md' | sort)
  origin="examples/ (${#sources[@]} reports)"
fi

make_corpus() { # DIR COUNT
  mkdir -p "$1"
  local i=0
  while ((i < $2)); do
    for src in "${sources[@]}"; do
      ((i < $2)) || break
      local sub=$((i / 1000))
      mkdir -p "$1/$sub"
      cp "$src" "$1/$sub/incident-2025-01-01-$i.md"
      i=$((i + 1))
    done
  done
}

# Runs a command, prints "seconds peak_kib" (wall time to the millisecond;
# peak resident memory from /usr/bin/time when it is there, else 0).
measure() {
  local start end
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -o "$work/time.out" -f '%M' "$@" >/dev/null 2>&1 || true
  else
    "$@" >/dev/null 2>&1 || true
    echo 0 >"$work/time.out"
  fi
  end=$(date +%s%N)
  printf '%s %s\n' "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')" "$(tail -1 "$work/time.out")"
}

have_mdl=0
if command -v npm >/dev/null && [[ ${BENCH_SKIP_MARKDOWNLINT:-0} != 1 ]]; then
  echo "--- installing markdownlint-cli2 from the npm registry"
  if (cd "$work" && npm install --silent --no-audit --no-fund markdownlint-cli2 >/dev/null 2>&1); then
    have_mdl=1
  else
    echo "(markdownlint-cli2 could not be installed; skipping it)"
  fi
fi

echo "--- corpus: $origin, replicated"
declare -A secs mem
for count in "$n" $((n * 2)); do
  dir="$work/reports-$count"
  make_corpus "$dir" "$count"
  read -r s m < <(measure ./target/release/incident check "$dir" --format json --no-progress)
  read -r bs bm < <(measure "$bare" "$dir")
  secs[incident-$count]=$s; mem[incident-$count]=$m
  secs[bare-$count]=$bs; mem[bare-$count]=$bm
  printf '%6d reports: incident check %7.3fs %7d KiB peak | bare parse %7.3fs %7d KiB peak\n' "$count" "$s" "$m" "$bs" "$bm"
  if ((have_mdl)); then
    read -r ms mm < <(cd "$dir" && measure "$work/node_modules/.bin/markdownlint-cli2" "**/*.md")
    secs[mdl-$count]=$ms
    printf '%6d reports: markdownlint-cli2 %7.3fs %7d KiB peak\n' "$count" "$ms" "$mm"
  fi
done

echo "--- start-up: one small report, the mean of 50 runs"
# Timed in one loop, without /usr/bin/time, whose own start-up would be
# most of a figure this small.
start=$(date +%s%N)
for _ in $(seq 50); do
  ./target/release/incident check examples/incidentReports/incident-2025-10-14-1.md >/dev/null 2>&1 || true
done
end=$(date +%s%N)
echo "incident check on one file: $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", (e - s) / 50 / 1e9 }')s"

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b>0 else 'n/a')" "$1" "$2"; }
echo "--- ratios"
echo "incident / bare parse (time, $n):        $(ratio "${secs[incident-$n]}" "${secs[bare-$n]}")"
if ((have_mdl)); then
  echo "markdownlint-cli2 / incident (time, $n): $(ratio "${secs[mdl-$n]}" "${secs[incident-$n]}")"
fi
echo "incident memory $((n * 2)) / $n:              $(ratio "${mem[incident-$((n * 2))]}" "${mem[incident-$n]}")"

# Long and crowded reports: one report of each shape at a size and at four
# times that size. A step that reads, for each find, everything before or
# after it shows here as a 4x-larger report taking ~16x as long (linear
# work takes ~4x); the human format is timed too, since its excerpts repeat
# lines. Printed, not asserted: the figures are for reading.
echo "--- long and crowded reports (time at size x and 4x; ~4 is linear, ~16 quadratic)"
stress=$work/stress
mkdir -p "$stress"
base=$((n >= 10000 ? 60000 : 15000))
python3 - "$stress" "$base" <<'PY'
import sys
out, base = sys.argv[1], int(sys.argv[2])
head = "# Incident: 2025-01-06\n\n"
line = {
    "durations-line": ("Impact", "the outage went on for 5 minutes "),
    "windows-line": ("Summary", "between 10:05 and 10:50 UTC for 40 minutes "),
    "placeholders-line": ("Summary", "[TODO] <insert> TBD {{name}} "),
    "dates-in-actions-line": ("Action items", "on Monday 2025-01-06 we saw "),
}
items = {
    "quotes": ("Summary", "> quoted words {i}\n\n"),
    "timeline-entries": ("Timeline", "- 2025-01-06 {h:02d}:{m:02d} UTC event {i}\n"),
    "action-items": ("Action items", "- [ ] Fix thing {i} (owner: @bob, due 2025-02-01)\n"),
}
for scale in (1, 4):
    size = base * scale
    for name, (section, phrase) in line.items():
        body = phrase * (size // len(phrase))
        open(f"{out}/{name}-{scale}.md", "w").write(f"{head}## {section}\n\n{body}\n")
    # One action item whose text opens with a long run of marks and
    # white space (the subject scanner once read it once per character).
    lead = "- _" + " " * size + "x will.\n"
    open(f"{out}/action-item-lead-{scale}.md", "w").write(f"{head}## Action items\n\n{lead}")
    for name, (section, phrase) in items.items():
        count = size // 40
        body = "".join(phrase.format(i=i, h=(count - i) % 24, m=i % 60) for i in range(count))
        open(f"{out}/{name}-{scale}.md", "w").write(f"{head}## {section}\n\n{body}")
PY
for shape in durations-line windows-line placeholders-line dates-in-actions-line quotes timeline-entries action-items action-item-lead; do
  for format in json human; do
    read -r s1 _ < <(measure ./target/release/incident check "$stress/$shape-1.md" --format "$format" --no-progress)
    read -r s4 _ < <(measure ./target/release/incident check "$stress/$shape-4.md" --format "$format" --no-progress)
    printf '%-22s %-5s %7.3fs %7.3fs  x%s\n' "$shape" "$format" "$s1" "$s4" "$(ratio "$s4" "$(python3 -c "print(max($s1, 0.001))")")"
  done
done
