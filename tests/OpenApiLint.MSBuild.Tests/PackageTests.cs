using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using OpenApiLint.MSBuild.Tests.Support;

namespace OpenApiLint.MSBuild.Tests;

/// <summary>What the package holds and how MSBuild loads the task from it.</summary>
public sealed partial class PackageTests
{
    [Test]
    public void Package_ships_the_task_with_its_dependencies_and_deps_json_and_no_MSBuild_assemblies()
    {
        using var package = ZipFile.OpenRead(PackageFeed.PackagePath);
        var entries = package.Entries.Select(entry => entry.FullName).Where(name => !name.StartsWith('_') && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml").Order(StringComparer.Ordinal).ToArray();

        Assert.That(entries, Is.EqualTo(new[]
        {
            "OpenApiLint.MSBuild.nuspec",
            "build/OpenApiLint.MSBuild.props",
            "build/OpenApiLint.MSBuild.targets",
            "buildMultiTargeting/OpenApiLint.MSBuild.props",
            "buildMultiTargeting/OpenApiLint.MSBuild.targets",
            "buildTransitive/OpenApiLint.MSBuild.props",
            "buildTransitive/OpenApiLint.MSBuild.targets",
            "tasks/net10.0/Humanizer.dll",
            "tasks/net10.0/Json.More.dll",
            "tasks/net10.0/JsonPointer.Net.dll",
            "tasks/net10.0/JsonSchema.Net.dll",
            "tasks/net10.0/Microsoft.CodeAnalysis.CSharp.dll",
            "tasks/net10.0/Microsoft.CodeAnalysis.dll",
            "tasks/net10.0/Microsoft.OpenApi.dll",
            "tasks/net10.0/OpenApiLint.Core.dll",
            "tasks/net10.0/OpenApiLint.MSBuild.deps.json",
            "tasks/net10.0/OpenApiLint.MSBuild.dll",
            "tasks/net10.0/OpenApiLint.SourceLocations.dll",
            "tasks/net10.0/Scriban.Signed.dll",
            "tasks/net10.0/YamlDotNet.dll",
        }));

        using var nuspec = new StreamReader(package.GetEntry("OpenApiLint.MSBuild.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.That(text, Does.Contain("<developmentDependency>true</developmentDependency>"));
        Assert.That(text, Does.Not.Contain("<dependencies"), "a build tool brings no dependencies into the consuming project");
    }

    [Test]
    public void Task_assemblies_carry_ReadyToRun_code_for_linux_x64_except_those_a_build_rarely_loads()
    {
        var compiled = new List<string>();
        foreach (var (name, reader) in TaskAssemblies())
        {
            if (reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0)
            {
                compiled.Add(name);
            }
        }

        // Roslyn is compiled too: a build that locates findings in the C# loads it in a fresh node every time.
        Assert.That(compiled.Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            "Json.More.dll",
            "JsonPointer.Net.dll",
            "JsonSchema.Net.dll",
            "Microsoft.CodeAnalysis.CSharp.dll",
            "Microsoft.CodeAnalysis.dll",
            "Microsoft.OpenApi.dll",
            "OpenApiLint.Core.dll",
            "OpenApiLint.MSBuild.dll",
            "OpenApiLint.SourceLocations.dll",
            "YamlDotNet.dll",
        }));
    }

    [Test]
    public void Only_Roslyn_carries_compiled_generics_of_other_assemblies_so_a_first_locate_leaves_them_to_no_JIT()
    {
        var withForeignGenerics = new List<string>();
        foreach (var (name, reader) in TaskAssemblies())
        {
            var header = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory;
            if (header is not { Size: > 0 } directory)
            {
                continue;
            }

            // READYTORUN_HEADER: Signature "RTR", MajorVersion, MinorVersion, then the core header's Flags.
            var data = reader.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            Assert.That(data.ReadUInt32(), Is.EqualTo(0x00525452), name);
            data.ReadUInt16();
            data.ReadUInt16();
            const uint UnrelatedReadyToRunCode = 0x80;
            if ((data.ReadUInt32() & UnrelatedReadyToRunCode) != 0)
            {
                withForeignGenerics.Add(name);
            }
        }

        // crossgen2 --non-local-generics-module (with --opt-cross-module) marks the image READYTORUN_FLAG_UNRELATED_R2R_CODE.
        Assert.That(withForeignGenerics.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "Microsoft.CodeAnalysis.CSharp.dll", "Microsoft.CodeAnalysis.dll" }));
    }

    [Test]
    public void Task_and_its_dependencies_load_from_the_package_in_a_load_context_of_their_own()
    {
        var project = TestProject.ClassLibrary("LoadContext");
        project.Write("swagger.json", Documents.MeetsRecommended);

        var build = project.Build("-v:d");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        var loaded = build.Lines.Select(line => LoadedLine().Match(line)).Where(match => match.Success).ToArray();
        Assert.That(loaded.Select(match => match.Groups["assembly"].Value).Distinct(), Is.EquivalentTo(new[] { "OpenApiLint.MSBuild", "OpenApiLint.Core", "JsonSchema.Net" }), build.ToString);
        var taskFolder = $"/{PackageFeed.PackageId.ToLowerInvariant()}/{PackageFeed.Version}/tasks/net10.0/";
        Assert.Multiple(() =>
        {
            foreach (var match in loaded)
            {
                Assert.That(match.Groups["path"].Value, Does.Contain(taskFolder).And.EndWith($"/{match.Groups["assembly"].Value}.dll"));
                Assert.That(match.Groups["context"].Value, Does.StartWith("MSBuild plugin ").And.EndWith($"{taskFolder}OpenApiLint.MSBuild.dll"));
            }
        });
    }

    /// <summary>Each assembly under the package's <c>tasks/</c>, read as a PE image (disposed as the loop moves on).</summary>
    private static IEnumerable<(string Name, PEReader Reader)> TaskAssemblies()
    {
        using var package = ZipFile.OpenRead(PackageFeed.PackagePath);
        foreach (var entry in package.Entries.Where(entry => entry.FullName.StartsWith("tasks/", StringComparison.Ordinal) && entry.Name.EndsWith(".dll", StringComparison.Ordinal)))
        {
            var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            content.Position = 0;
            using var reader = new PEReader(content);
            yield return (entry.Name, reader);
        }
    }

    [GeneratedRegex(@"^OpenApiLint \S+: (?<assembly>\S+) \S+ from (?<path>\S+) in load context '(?<context>[^']*)'$")]
    private static partial Regex LoadedLine();
}
