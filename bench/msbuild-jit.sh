#!/usr/bin/env bash
# What a clean lint JIT-compiles in a fresh build node: a count that does not depend on the machine's load, unlike the
# times of bench/msbuild-cost.sh. Builds the same sample app (document generated at build time), then the same
# up-to-date build twice with the JIT's summary on (-m:1 -nodeReuse:false: the build node is the dotnet process):
# once with the lint's stamp removed (the lint runs, nothing else does) and once with the lint disabled. The methods
# of the first that the second does not compile are the lint's; they are listed in lint-methods.txt.
# OPENAPI_LINT_COST_PACKAGE=FILE.nupkg uses a package packed before; otherwise the arguments go to `dotnet pack`.
set -euo pipefail
work="${TMPDIR:-/tmp}/openapilint-msbuild-jit"
source "$(dirname "$0")/sample-app.sh"

cd "$work/app"
dotnet restore -v:q >/dev/null
dotnet build --no-restore -nodeReuse:false -m:1 -tl:off -v:q > "$work/first.log" 2>&1 || true
jitted() {
  # The JIT appends to its file: each build writes a fresh one. Only method names are compared (no tier or sizes).
  local file="$work/$1.jit"; shift
  rm -f "$file"
  DOTNET_JitStdOutFile="$file" DOTNET_JitDisasmSummary=1 dotnet build --no-restore -nodeReuse:false -m:1 -tl:off -v:n "$@" > "$work/$(basename "$file" .jit).log" 2>&1 || true
  sed -E 's/^ *[0-9]+: JIT compiled //; s/ \[.*$//' "$file"
}
rm -f obj/Debug/net10.0/*.OpenApiLint.stamp
jitted lint > "$work/lint-build.txt"
grep -q "OpenApiLint (SampleApi): linted" "$work/lint.log" || { echo "the build meant to lint did not (log: $work/lint.log)"; exit 1; }
jitted disabled -p:OpenApiLintEnabled=false | sort -u > "$work/disabled-build.txt"
awk 'NR == FNR { seen[$0] = 1; next } !($0 in seen)' "$work/disabled-build.txt" "$work/lint-build.txt" > "$work/lint-methods.txt"
echo "methods JIT-compiled by the lint (not by the same build with the lint disabled): $(wc -l < "$work/lint-methods.txt")"
echo "listed in $work/lint-methods.txt"
