using System.Reflection;

namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>
/// The package under test, packed once per test run into a folder of its own with a version of its own (NuGet caches
/// packages by id and version, so a fixed version could hand the tests yesterday's package), and the temporary folder
/// every test project lives in: outside the repository, so its Directory.Build.props and central package versions
/// do not reach the test projects, with a nuget.config that adds the feed and keeps the machine's own sources.
/// </summary>
internal static class PackageFeed
{
    public const string PackageId = "OpenApiLint.MSBuild";

    /// <summary>The companion packages an ASP.NET Core app references (runtime references, not build tools), packed into the same feed.</summary>
    public static IReadOnlyList<string> CompanionPackageIds { get; } = ["OpenApiLint.AspNetCore", "OpenApiLint.AspNetCore.OpenApi", "OpenApiLint.Swashbuckle"];

    public static string Version { get; private set; } = "";

    /// <summary>Folder of the test run: the feed, the nuget.config and one folder per test project.</summary>
    public static string Root { get; private set; } = "";

    public static string FeedDirectory => Path.Combine(Root, "feed");

    public static string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    public static string RepositoryRoot { get; } = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static void Create()
    {
        // A prerelease identifier starting with letters: valid SemVer whatever the digits.
        Version = $"0.0.1-e2e{Guid.NewGuid():N}";
        Root = Directory.CreateTempSubdirectory("openapilint-e2e-").FullName;
        Directory.CreateDirectory(FeedDirectory);

        // Stop MSBuild's upward search for these files here, whatever lies above the temporary folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Adds the freshly packed package; no <clear/>, so the machine's own package source stays. -->
            <configuration>
              <packageSources>
                <add key="openapilint-e2e" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // The task package and the companions in one pack of a solution filter: one restore and one evaluation of the
        // shared projects instead of one per package (each dotnet pack pays them again).
        var packages = CompanionPackageIds.Prepend(PackageId).ToArray();
        var filter = Path.Combine(Root, "packages.slnf");
        File.WriteAllText(filter, System.Text.Json.JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = Path.Combine(RepositoryRoot, "OpenApiLint.sln"),
                projects = packages.Select(id => $"src/{id}/{id}.csproj").ToArray(),
            },
        }));
        var pack = DotNet.Run(RepositoryRoot, "pack", filter, "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString);
        foreach (var id in packages)
        {
            var package = Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");
            Assert.That(File.Exists(package), Is.True, $"{package} should exist after: {pack}");
        }
    }

    /// <summary>Removes the run's folder and the run's version from NuGet's global packages folder, which nothing will use again.</summary>
    public static void Delete()
    {
        if (Root.Length > 0 && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        var locals = DotNet.Run(Path.GetTempPath(), "nuget", "locals", "global-packages", "--list");
        var line = locals.Lines.FirstOrDefault(text => text.StartsWith("global-packages:", StringComparison.Ordinal));
        if (line is null || Version.Length == 0)
        {
            return;
        }

        foreach (var id in CompanionPackageIds.Prepend(PackageId))
        {
            var versions = Path.Combine(line["global-packages:".Length..].Trim(), id.ToLowerInvariant());
            var installed = Path.Combine(versions, Version);
            if (Directory.Exists(installed))
            {
                Directory.Delete(installed, recursive: true);
            }

            if (Directory.Exists(versions) && !Directory.EnumerateFileSystemEntries(versions).Any())
            {
                Directory.Delete(versions);
            }
        }
    }
}
