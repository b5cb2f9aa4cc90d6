using System.Diagnostics;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>What ships carries no AGPL, commercial or metered dependency, directly or transitively.</summary>
[TestFixture]
public sealed class DependencyTests
{
    /// <summary>One listing of the whole solution (shipped projects and tests alike): neither package appears anywhere.</summary>
    [Test]
    public void No_project_depends_on_Handlebars_or_Newtonsoft_Json_Schema()
    {
        var start = new ProcessStartInfo("dotnet", ["list", RepositoryFiles.PathOf("OpenApiLint.sln"), "package", "--include-transitive"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.Zero, error.Result);
            foreach (var shipped in new[] { "OpenApiLint.Core", "OpenApiLint.Cli", "OpenApiLint.MSBuild" })
            {
                Assert.That(output, Does.Contain($"Project '{shipped}' has the following package references"), "the listing covers the shipped projects");
            }

            Assert.That(output, Does.Contain("JsonSchema.Net").And.Contain("Scriban.Signed"));
            Assert.That(output, Does.Not.Contain("Handlebars").IgnoreCase);
            Assert.That(output, Does.Not.Contain("Newtonsoft.Json.Schema").IgnoreCase);
        });
    }
}
