namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>A throwaway project in the run's temporary folder that references the packed package, built with the real SDK.</summary>
internal sealed class TestProject
{
    /// <summary>Microsoft.AspNetCore.OpenApi, Microsoft.Extensions.ApiDescription.Server and the authentication handlers.</summary>
    public const string AspNetCorePackagesVersion = "10.0.15";

    public const string SwashbuckleVersion = "11.0.1";

    private TestProject(string name, string sdk, string properties, string packageReferences, string targetFrameworks, string parentFolder = "")
    {
        Name = name;
        Directory = Path.Combine(PackageFeed.Root, parentFolder, name);
        Assert.That(System.IO.Directory.Exists(Directory), Is.False, $"test project names must be unique: {name}");
        System.IO.Directory.CreateDirectory(Directory);
        ProjectFile = Path.Combine(Directory, name + ".csproj");
        var frameworkProperty = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <{frameworkProperty}>{targetFrameworks}</{frameworkProperty}>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFeed.PackageId}" Version="{PackageFeed.Version}" PrivateAssets="all" />
            {packageReferences}
              </ItemGroup>
            </Project>
            """);
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>Where a single-target project keeps the lint's stamp.</summary>
    public string StampFile => PathOf($"obj/Debug/net10.0/{Name}.OpenApiLint.stamp");

    /// <summary>
    /// A class library; <paramref name="properties"/> are extra lines of its PropertyGroup, <paramref name="parentFolder"/>
    /// the folders between the run's folder and the project's (a repository layout).
    /// </summary>
    public static TestProject ClassLibrary(string name, string properties = "", string targetFrameworks = "net10.0", string parentFolder = "") =>
        new(name, "Microsoft.NET.Sdk", properties, "", targetFrameworks, parentFolder);

    /// <summary>An ASP.NET Core app whose OpenAPI document is generated at build time, as the ASP.NET Core docs set it up.</summary>
    public static TestProject MinimalApi(string name, string program, string properties = "", string parentFolder = "")
    {
        var project = new TestProject(name, "Microsoft.NET.Sdk.Web", properties, $"""
                <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="{AspNetCorePackagesVersion}" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{AspNetCorePackagesVersion}" PrivateAssets="all" />
            """, "net10.0", parentFolder);
        project.Write("Program.cs", program);
        return project;
    }

    /// <summary>An ASP.NET Core app with controllers, documented by Swashbuckle at build time.</summary>
    public static TestProject SwashbuckleApi(string name, string program, string properties = "")
    {
        // Swashbuckle.AspNetCore turns build-time generation off; the first property turns it back on.
        var project = new TestProject(name, "Microsoft.NET.Sdk.Web", "    <OpenApiGenerateDocumentsOnBuild>true</OpenApiGenerateDocumentsOnBuild>\n" + properties, $"""
                <PackageReference Include="Swashbuckle.AspNetCore" Version="11.0.1" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="{AspNetCorePackagesVersion}" PrivateAssets="all" />
            """, "net10.0");
        project.Write("Program.cs", program);
        return project;
    }

    /// <summary>
    /// An ASP.NET Core app with the given package references (lines of an ItemGroup) and extra PropertyGroup lines;
    /// <paramref name="parentFolder"/> as for <see cref="ClassLibrary"/>.
    /// </summary>
    public static TestProject WebApp(string name, string program, string packageReferences, string properties = "", string parentFolder = "")
    {
        var project = new TestProject(name, "Microsoft.NET.Sdk.Web", properties, packageReferences, "net10.0", parentFolder);
        project.Write("Program.cs", program);
        return project;
    }

    /// <summary>
    /// A reference to a companion package (built from this repository, packed into the run's feed), present unless
    /// the build sets <c>WithCompanion=false</c>, which also leaves <c>WITH_COMPANION</c> undefined for the app's code:
    /// one project builds with and without it.
    /// </summary>
    public static string CompanionReference(string packageId) => $"""
            <PackageReference Include="{packageId}" Version="{PackageFeed.Version}" Condition="'$(WithCompanion)' != 'false'" />
        """;

    /// <summary>The PropertyGroup line that goes with <see cref="CompanionReference"/>.</summary>
    public const string CompanionSymbol = """
            <DefineConstants Condition="'$(WithCompanion)' != 'false'">$(DefineConstants);WITH_COMPANION</DefineConstants>
        """;

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));

    /// <summary>Writes a file of the project (folders created as needed) and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// <c>dotnet build</c> at normal verbosity (the summary line shows there), with MSBuild nodes and the compiler
    /// server not kept alive: nothing outlives the build holding the output pipes open.
    /// </summary>
    public CommandResult Build(params string[] arguments) =>
        DotNet.Run(Directory, ["build", ProjectFile, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-v:n", .. arguments]);

    /// <summary>The line MSBuild prints for a finding: <c>file(line,col): severity CODE: message [project]</c>.</summary>
    public string Finding(string relativePath, int line, int column, string severity, string code, string message) =>
        $"{PathOf(relativePath)}({line},{column}): {severity} {code}: {message} [{ProjectFile}]";

    /// <summary>
    /// The line MSBuild prints for a finding about the project itself: <c>project : error CODE: message</c> (it adds
    /// no <c>[project]</c> when the file at fault is the project).
    /// </summary>
    public string ProjectFinding(string severity, string code, string message) =>
        $"{ProjectFile} : {severity} {code}: {message}";

    /// <summary>The one-line summary the lint prints at normal verbosity.</summary>
    public string LintedSummary(int documents, string ruleset, int errors, int warnings, int messages = 0) =>
        $"OpenApiLint ({Name}): linted {Count(documents, "document")} (ruleset {ruleset}): {Count(errors, "error")}, {Count(warnings, "warning")}, {Count(messages, "message")}";

    /// <summary>The summary of a build that skipped the lint and replayed the cached findings.</summary>
    public string ReplayedSummary(int documents, string ruleset, int warnings) =>
        $"OpenApiLint ({Name}): {Count(documents, "document")} up to date, not linted again (ruleset {ruleset}): 0 errors, {Count(warnings, "warning")}, 0 messages replayed";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
