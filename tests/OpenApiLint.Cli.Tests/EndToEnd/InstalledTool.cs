using System.Globalization;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests.EndToEnd;

/// <summary>
/// Packs the tool ONCE per test run, with a unique prerelease version into a unique temporary folder (its own build
/// output too, so a developer's bin/ and obj/ are not touched), and installs it with
/// <c>dotnet tool install --tool-path</c> from that folder, as a user would. Every end-to-end test runs that install.
/// </summary>
[SetUpFixture]
public sealed class InstalledTool
{
    private static string? _root;
    private static string _tools = "";

    /// <summary>The installed <c>dotnet-openapi-lint</c> command.</summary>
    public static string Executable { get; private set; } = "";

    /// <summary>The version it was packed with.</summary>
    public static string Version { get; private set; } = "";

    [OneTimeSetUp]
    public void PackAndInstall()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Version = $"0.0.1-e2e.{stamp}.{Random.Shared.Next(1, 100_000)}";
        _root = Path.Combine(Path.GetTempPath(), "openapi-lint-e2e", Guid.NewGuid().ToString("N"));
        var packages = Path.Combine(_root, "packages");
        var tools = _tools = Path.Combine(_root, "tools");
        Directory.CreateDirectory(_root);

        var repository = RepositoryRoot();
        var pack = ProcessRunner.Run(
            ProcessRunner.DotnetHost,
            [
                "pack", Path.Combine(repository, "src", "OpenApiLint.Cli", "OpenApiLint.Cli.csproj"),
                "-c", "Release", "--nologo", "-nodeReuse:false",
                "--artifacts-path", Path.Combine(_root, "artifacts"),
                "-o", packages,
                $"-p:Version={Version}",
                "-p:UseSharedCompilation=false",
            ],
            repository,
            // On linux-x64 a native (AOT) package for it, a ReadyToRun one for win-x64 and a portable one, on a shared
            // 2-core machine: the native compile alone takes minutes there.
            TimeSpan.FromMinutes(20));
        Assert.That(pack.ExitCode, Is.EqualTo(0), $"dotnet pack failed:\n{pack}");

        var install = ProcessRunner.Run(
            ProcessRunner.DotnetHost,
            ["tool", "install", "--tool-path", tools, "--add-source", packages, "OpenApiLint.Tool", "--version", Version],
            _root,
            TimeSpan.FromMinutes(3));
        Assert.That(install.ExitCode, Is.EqualTo(0), $"dotnet tool install failed:\n{install}");

        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "dotnet-openapi-lint.exe" : "dotnet-openapi-lint");
        Assert.That(File.Exists(Executable), Is.True, $"the install did not create {Executable}");
    }

    /// <summary>
    /// The files the platform's own package installed (<c>openapilint.tool.linux-x64</c>, say; not the pointer
    /// package's), full paths, sorted.
    /// </summary>
    public static IReadOnlyList<string> PlatformPackageFiles() =>
        Directory.EnumerateDirectories(Path.Combine(_tools, ".store", "openapilint.tool", Version.ToLowerInvariant()), "openapilint.tool.*")
            .SelectMany(package => Directory.EnumerateFiles(Path.Combine(package, Version.ToLowerInvariant(), "tools"), "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [OneTimeTearDown]
    public void Uninstall()
    {
        if (_root is not null && Directory.Exists(_root))
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing depends on it.
            }
        }
    }

    /// <summary>Runs the installed tool in <paramref name="workingDirectory"/>, its streams redirected as in CI.</summary>
    internal static CliOutcome Run(string workingDirectory, params string[] args) =>
        ProcessRunner.Run(Executable, args, workingDirectory, TimeSpan.FromMinutes(1), DotnetRoot());

    private static Dictionary<string, string> DotnetRoot()
    {
        // The tool's launcher finds the runtime through DOTNET_ROOT when it is not in the default place.
        var host = ProcessRunner.DotnetHost;
        return Path.IsPathRooted(host) ? new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.GetDirectoryName(host)! } : [];
    }

    private static string RepositoryRoot()
    {
        for (var folder = TestContext.CurrentContext.TestDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "OpenApiLint.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("OpenApiLint.sln was not found above the test folder");
    }
}
