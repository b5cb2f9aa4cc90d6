#!/usr/bin/env bash
# What a clean lint JIT-compiles in a fresh build node: a count that does not depend on the machine's load, unlike the
# times of bench/msbuild-cost.sh. Builds the same sample app (document generated at build time), then the same
# up-to-date build twice with the JIT's summary on (-m:1 -nodeReuse:false: the build node is the dotnet process):
# once with the lint's stamp removed (the lint runs, nothing else does) and once with the lint disabled. The methods
# of the first that the second does not compile are the lint's; they are listed in lint-methods.txt.
# OPENAPI_LINT_COST_PACKAGE=FILE.nupkg uses a package packed before; otherwise the arguments go to `dotnet pack`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/openapilint-msbuild-jit"
version="0.0.0-bench.$(date +%s)"
aspnet="10.0.15"

rm -rf "$work" && mkdir -p "$work/feed" "$work/app"
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML

if [[ -n "${OPENAPI_LINT_COST_PACKAGE:-}" ]]; then
  version="$(basename "$OPENAPI_LINT_COST_PACKAGE" .nupkg)"; version="${version#OpenApiLint.MSBuild.}"
  cp "$OPENAPI_LINT_COST_PACKAGE" "$work/feed/"
  echo "using $OPENAPI_LINT_COST_PACKAGE"
else
  echo "packing OpenApiLint.MSBuild $version ..."
  dotnet pack "$repo/src/OpenApiLint.MSBuild" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -tl:off -v:q "$@" >/dev/null
fi

cat > "$work/app/SampleApi.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <OpenApiDocumentsDirectory>\$(BaseIntermediateOutputPath)</OpenApiDocumentsDirectory>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="$aspnet" />
    <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="$aspnet" PrivateAssets="all" />
    <PackageReference Include="OpenApiLint.MSBuild" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
var app = builder.Build();
app.MapOpenApi();
app.MapGet("/orders/{id}", (int id) => Results.Ok(new Order(id))).Produces<Order>(200).Produces(404);
app.MapPut("/orders/{id}", (int id, Order order) => Results.NoContent()).Produces(204).Produces(400);
app.MapDelete("/orders/{id}", (int id) => Results.NoContent()).Produces(204).Produces(404);
app.Run();
record Order(int Id);
CS

cd "$work/app"
# A packages folder of its own: a version packed again under the same name is never taken from the user's cache.
export NUGET_PACKAGES="$work/packages"
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
