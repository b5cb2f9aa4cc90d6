# The sample ASP.NET Core minimal API the MSBuild benchmarks build (its OpenAPI document generated at build time), with
# this repository's OpenApiLint.MSBuild package referenced: sourced by bench/msbuild-cost.sh and bench/msbuild-jit.sh,
# which set `work` (their folder, emptied here) first. Leaves `repo`, `version` and `aspnet` set and the app in
# "$work/app", not restored. Arguments go to `dotnet pack` of the package; OPENAPI_LINT_COST_PACKAGE=FILE.nupkg uses a
# package packed before instead.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.0.0-bench.$(date +%s)"
aspnet="10.0.15"

rm -rf "$work" && mkdir -p "$work/feed" "$work/app"
# A packages folder of its own: a version packed again under the same name is never taken from the user's cache.
export NUGET_PACKAGES="$work/packages"
# Keep the repo's build settings out of the sample, and add only the freshly packed package's folder.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML

if [[ -n "${OPENAPI_LINT_COST_PACKAGE:-}" ]]; then
  # A package packed before (e.g. for `OpenApiLint.Bench locate --shipped`): its version is in its name.
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
