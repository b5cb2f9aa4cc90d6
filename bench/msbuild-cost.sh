#!/usr/bin/env bash
# What the MSBuild package adds to a build of a sample ASP.NET Core minimal API (document generated at build time):
# the time of the lint targets and of the LintOpenApiDocuments task on a full build, and on a no-op build (where the
# lint must be skipped: zero lint work). Prints MSBuild's own performance summary lines for those targets and tasks,
# then the lint's CPU cost (see the end). Arguments go to `dotnet pack` of the package: `-p:OpenApiLintReadyToRunRid=none`
# packs the task's assemblies without ReadyToRun code, for a before/after comparison. OPENAPI_LINT_COST_PACKAGE=FILE.nupkg
# uses a package packed before instead; OPENAPI_LINT_COST_RUNS=N sets the number of pairs of the CPU comparison.
set -euo pipefail
work="${TMPDIR:-/tmp}/openapilint-msbuild-cost"
source "$(dirname "$0")/sample-app.sh"

cd "$work/app"
dotnet restore -v:q >/dev/null
summary() {
  # MSBuild's summary lines: "   12 ms  _OpenApiLintRun   1 calls"
  grep -E "^ +[0-9]+ ms +(OpenApiLint|_OpenApiLint[A-Za-z]*|LintOpenApiDocuments|ReplayOpenApiLintFindings|GenerateOpenApiDocuments) +[0-9]+ calls" "$1" || true
}
build() {
  local log="$work/$1.log"; shift
  local start end
  start=$(date +%s%N)
  dotnet build --no-restore -nodeReuse:false -tl:off -v:n -clp:PerformanceSummary "$@" > "$log" 2>&1 || true
  end=$(date +%s%N)
  echo "  wall: $(( (end - start) / 1000000 )) ms"
  summary "$log"
  grep -E "OpenApiLint \(SampleApi\)|Skipping target \"_OpenApiLintRun\"" "$log" | sed 's/^/  /' || true
}

echo "full build (first build after restore):"
build full
echo "no-op build (nothing changed):"
build noop
echo "no-op build with the lint disabled, for comparison:"
build disabled -p:OpenApiLintEnabled=false
# The task's CPU cost, steadier than its wall time on a shared machine: the same up-to-date build (nothing compiled or
# generated), once with the lint forced to run again (its stamp removed) and once with the lint disabled; the
# difference of the process tree's CPU time (user+sys) is what the lint costs. Minimum and median of $runs pairs.
runs="${OPENAPI_LINT_COST_RUNS:-7}"
cpu() {
  # Normal verbosity: below it MSBuild's performance summary leaves out targets and tasks. Both builds of a pair log the same way.
  /usr/bin/time -f '%U %S' -o "$work/time.txt" dotnet build --no-restore -nodeReuse:false -m:1 -tl:off -v:n -clp:PerformanceSummary "$@" > "$work/cpu.log" 2>&1 || true
  awk '{printf "%.3f", $1 + $2}' "$work/time.txt"
}
task_ms() {
  # Empty when the task did not run (the build without the lint): grep's status must not end the script (set -e).
  { grep -E "^ +[0-9]+ ms +LintOpenApiDocuments " "$work/cpu.log" || true; } | awk '{print $1}'
}
echo "lint again vs lint disabled, $runs pairs (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
: > "$work/cpu.samples"
for ((i = 0; i < runs; i++)); do
  rm -f obj/Debug/net10.0/*.OpenApiLint.stamp
  with="$(cpu)"; ms="$(task_ms)"
  without="$(cpu -p:OpenApiLintEnabled=false)"
  echo "$with $without ${ms:-0}" >> "$work/cpu.samples"
done
python3 - "$work/cpu.samples" <<'PY2'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
diff = [(a - b) * 1000 for a, b, _ in rows]
task = [t for _, _, t in rows if t > 0]
if len(task) < len(rows):
    print(f"  the lint did not run in {len(rows) - len(task)} of {len(rows)} builds meant to lint (last log: cpu.log beside {sys.argv[1]})")
if not task:
    sys.exit(1)
print(f"  lint CPU (build with lint - build without): min {min(diff):.0f} ms, median {statistics.median(diff):.0f} ms")
print(f"  LintOpenApiDocuments wall: min {min(task):.0f} ms, median {statistics.median(task):.0f} ms")
PY2
echo "logs: $work/*.log"
