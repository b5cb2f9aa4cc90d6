using System.Text;
using OpenApiLint.Cli.Input;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests;

/// <summary>How arguments become documents: the OpenAPI sniffing of scanned files, and glob expansion.</summary>
[TestFixture]
public sealed class InputTests
{
    [TestCase("a.json", """{ "openapi": "3.1.0", "info": {} }""", true)]
    [TestCase("a.json", """{ "info": { "openapi": "nested" }, "swagger": "2.0" }""", true)]
    [TestCase("a.json", """{ "info": { "openapi": "nested only" } }""", false)]
    [TestCase("package.json", """{ "name": "web", "version": "1.0.0" }""", false)]
    [TestCase("tsconfig.json", "{\n  // comments are fine\n  \"compilerOptions\": {},\n}", false)]
    [TestCase("a.json", """{ "openapi": "3.0.0", "paths": { """, true)]
    [TestCase("a.json", """[1, 2, 3]""", false)]
    [TestCase("a.yaml", "openapi: 3.0.3\ninfo: {}\n", true)]
    [TestCase("a.yml", "# spec\n---\n\"swagger\": \"2.0\"\n", true)]
    [TestCase("a.yaml", "info:\n  openapi: nested\n", false)]
    [TestCase("ci.yml", "on: push\njobs: {}\n", false)]
    [TestCase("a.yaml", "\uFEFFopenapi: 3.1.0\n", true)]
    public void Sniffer_KeepsOnlyOpenApiDocuments(string name, string content, bool expected) =>
        Assert.That(OpenApiSniffer.IsOpenApi(name, Encoding.UTF8.GetBytes(content)), Is.EqualTo(expected));

    [Test]
    public void Glob_MatchesSegmentWildcardsAndDoubleStar()
    {
        using var folder = new TempFolder();
        foreach (var file in new[] { "a.yaml", "specs/b.yaml", "specs/v1/c.yaml", "specs/v1/d.json", "specs/bin/e.yaml", "other/f.yaml" })
        {
            folder.Write(file, "openapi: 3.0.0\n");
        }

        string[] Expand(string pattern) => Glob.Expand(pattern, folder.Path)
            .Select(file => Path.GetRelativePath(folder.Path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(Expand("*.yaml"), Is.EqualTo(new[] { "a.yaml" }));
            Assert.That(Expand("specs/*.yaml"), Is.EqualTo(new[] { "specs/b.yaml" }));
            Assert.That(Expand("specs/**/*.yaml"), Is.EqualTo(new[] { "specs/b.yaml", "specs/v1/c.yaml" }));
            Assert.That(Expand("**/?.json"), Is.EqualTo(new[] { "specs/v1/d.json" }));
            Assert.That(Expand("specs/**"), Is.EqualTo(new[] { "specs/b.yaml", "specs/v1/c.yaml", "specs/v1/d.json" }));
            Assert.That(Expand("s*/v?/*"), Is.EqualTo(new[] { "specs/v1/c.yaml", "specs/v1/d.json" }));
            Assert.That(Expand(folder["specs"] + "/*.yaml"), Is.EqualTo(new[] { "specs/b.yaml" }));
            Assert.That(Expand("missing/**/*.yaml"), Is.Empty);
        });
    }
}
