using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Robustness.Tests;

/// <summary>
/// Hostile or careless input is bounded: alias expansion, nesting depth and size have limits with clear messages,
/// remote references are never fetched, and references that leave the document's folder are refused.
/// </summary>
[TestFixture]
public sealed class ResourceLimitTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "openapi-lint-limits-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "api"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void YamlAliasBombStopsAtTheNodeLimitBeforeExpanding()
    {
        // Each level repeats the one before ten times: the last alias would stand for 10^8 values. The fourth alias of
        // l6 (line 10, column 25) would pass 5,000,000 values; nothing is copied before the count is checked.
        var text = new StringBuilder("openapi: 3.0.3\ninfo: { title: Bomb, version: '1' }\npaths: {}\n");
        text.Append("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 8; level++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{level}: &l{level} [")
                .Append(string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10)))
                .Append("]\n");
        }

        var error = LoadError("bomb.yaml", text.ToString());

        Assert.That(error, Is.EqualTo("bomb.yaml(10,25): error OAL9001: invalid YAML: YAML alias expansion exceeds the limit of 5000000 nodes"));
    }

    [Test]
    public void YamlWithTooManyAliasesIsRefused()
    {
        var text = "openapi: 3.0.3\ninfo: { title: Aliases, version: '1' }\npaths: {}\nx: &x 1\nmany: [" + string.Join(", ", Enumerable.Repeat("*x", 10_001)) + "]\n";

        var error = LoadError("aliases.yaml", text);

        Assert.That(error, Does.StartWith("aliases.yaml(5,").And.EndWith("): error OAL9001: invalid YAML: YAML alias expansion exceeds the limit of 10000 aliases"));
    }

    [Test]
    public void DeeplyNestedJsonIsRefused()
    {
        // The root is depth 1: the 255th '[' (column 27 + 255) reaches the limit.
        var text = "{\"openapi\": \"3.0.3\", \"x\": " + new string('[', 300) + new string(']', 300) + "}";

        var error = LoadError("deep.json", text);

        Assert.That(error, Is.EqualTo("deep.json(1,282): error OAL9001: invalid JSON: The maximum configured depth of 256 has been exceeded. Cannot read next JSON array"));
    }

    [Test]
    public void DeeplyNestedYamlIsRefused()
    {
        // The root mapping is depth 1: the 256th '[' (column 3 + 256) would be depth 257.
        var text = "openapi: 3.0.3\nx: " + new string('[', 300) + new string(']', 300) + "\n";

        var error = LoadError("deep.yaml", text);

        Assert.That(error, Is.EqualTo("deep.yaml(2,259): error OAL9001: invalid YAML: YAML nesting exceeds the maximum depth of 256"));
    }

    [Test]
    public void DocumentOverTheSizeLimitIsRefusedWithoutBeingRead()
    {
        var path = Path.Combine(_folder, "api", "huge.json");
        using (var file = File.Create(path))
        {
            // A sparse file: the size is what the loader checks, so nothing is written or read.
            file.SetLength(OpenApiDocumentLoader.MaxDocumentBytes + 1);
        }

        var result = OpenApiDocumentLoader.Load(path);

        Assert.That(result.Error?.ToString(), Is.EqualTo($"{path}: error OAL9001: the file is 256 MB; documents over 256 MB are not linted"));
    }

    [Test]
    public void ReferencedFileOverTheSizeLimitIsNotRead()
    {
        using (var file = File.Create(Path.Combine(_folder, "api", "huge.yaml")))
        {
            file.SetLength(OpenApiDocumentLoader.MaxDocumentBytes + 1);
        }

        var document = Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: Huge reference, version: "1" }
            paths:
              /things:
                get:
                  responses:
                    "404": { $ref: "huge.yaml#/NotFound" }
            """);

        var loaded = OpenApiDocumentLoader.Load(document).Document!;

        Assert.That(loaded.References.Select(site => site.Problem), Is.EqualTo(new[] { "huge.yaml cannot be read: the file is 256 MB; files over 256 MB are not read" }));
        Assert.That(loaded.Operations.Single().Responses.Single().IsResolved, Is.False);
    }

    [Test]
    public void RemoteReferenceIsNeverFetched()
    {
        // A listener on the loopback address the reference names: the loader must never connect to it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var target = $"http://127.0.0.1:{port}/common.yaml#/NotFound";
            var document = Write("openapi.yaml", $$"""
                openapi: 3.0.3
                info: { title: Remote, version: "1" }
                paths:
                  /things:
                    get:
                      responses:
                        "200": { description: OK, content: { application/json: { schema: { $ref: "http://127.0.0.1:{{port}}/schemas.json#/Thing" } } } }
                        "404": { $ref: "{{target}}" }
                """);

            var result = new LintRunner(new RulesetResolver(BuiltInRulesets.DefaultName)).LintFile(document);

            Assert.That(listener.Pending(), Is.False, "nothing connected to the listener");
            Assert.That(result.Document!.References.Select(site => (site.Kind, site.Problem)), Is.EqualTo(new[]
            {
                (ReferenceKind.Remote, "remote references are never fetched"),
                (ReferenceKind.Remote, "remote references are never fetched"),
            }));
            Assert.That(result.Diagnostics.Where(d => d.RuleId == RuleIds.RemoteReference).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Message}"), Is.EqualTo(new[]
            {
                $"7:76 $ref 'http://127.0.0.1:{port}/schemas.json#/Thing' is remote and was not fetched; what it names is not checked",
                $"8:18 $ref '{target}' is remote and was not fetched; what it names is not checked",
            }));
        }
        finally
        {
            listener.Stop();
        }
    }

    [TestCase("../secrets/responses.yaml#/Leak")]
    [TestCase("../../etc/responses.yaml#/Leak")]
    public void ReferenceOutsideTheFolderIsRefusedAndNotRead(string target)
    {
        // The file exists and would resolve: it must still not be read.
        Directory.CreateDirectory(Path.Combine(_folder, "secrets"));
        File.WriteAllText(Path.Combine(_folder, "secrets", "responses.yaml"), "Leak: { description: Leaked, headers: { X-Secret: { schema: { type: string } } } }\n");
        var document = Write("openapi.yaml", $$"""
            openapi: 3.0.3
            info: { title: Outside, version: "1" }
            paths:
              /things:
                get:
                  responses:
                    "403": { $ref: "{{target}}" }
            """);

        var result = new LintRunner(new RulesetResolver(BuiltInRulesets.DefaultName)).LintFile(document);

        var site = result.Document!.References.Single();
        Assert.That((site.Kind, site.Problem), Is.EqualTo((ReferenceKind.OutsideFolder, "it points outside the document's folder")));
        Assert.That(result.Document.Operations.Single().Responses.Single().IsResolved, Is.False);
        Assert.That(result.Diagnostics.Where(d => d.RuleId == RuleIds.ReferenceOutsideFolder).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Message}"),
            Is.EqualTo(new[] { $"7:18 $ref '{target}' points outside the document's folder and was not followed" }));
    }

    [Test]
    public void AbsolutePathsAndFileUrisOutsideTheFolderAreRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "outside.yaml"), "Leak: { description: Leaked }\n");
        var absolute = Path.Combine(_folder, "outside.yaml");
        var document = Write("openapi.yaml", $$"""
            openapi: 3.0.3
            info: { title: Outside, version: "1" }
            paths:
              /things:
                get:
                  responses:
                    "403": { $ref: "{{absolute}}#/Leak" }
                    "404": { $ref: "file://{{absolute}}#/Leak" }
            """);

        var loaded = OpenApiDocumentLoader.Load(document).Document!;

        Assert.That(loaded.References.Select(site => (site.Kind, site.Problem)), Is.EqualTo(new[]
        {
            (ReferenceKind.OutsideFolder, "it points outside the document's folder"),
            (ReferenceKind.OutsideFolder, "it points outside the document's folder"),
        }));
    }

    [Test]
    public void FilesThatReferenceEachOtherExponentiallyAreWalkedOncePerTarget()
    {
        // Each file references the next twice from each of two places: 2^25 paths to the last, a missing file.
        const int Files = 25;
        for (var i = 1; i <= Files; i++)
        {
            var next = i < Files ? $"f{i + 1}.yaml" : "missing.yaml";
            Write($"f{i}.yaml", $$"""
                R:
                  description: level {{i}}
                  content:
                    application/json:
                      schema: { allOf: [ { $ref: "{{next}}#/S" }, { $ref: "{{next}}#/S" } ] }
                S:
                  allOf: [ { $ref: "{{next}}#/S" }, { $ref: "{{next}}#/S" } ]
                """);
        }

        var document = Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: Chain, version: "1" }
            paths:
              /a:
                get:
                  responses:
                    "200": { $ref: "f1.yaml#/R" }
            """);

        var loaded = OpenApiDocumentLoader.Load(document).Document!;

        // Each target is walked once, whatever the number of paths to it: the document's reference, f1's R (two),
        // and the S of f2 to f25 (two each); f1's S and the other files' R are never used.
        Assert.That(loaded.References, Has.Count.EqualTo(1 + 2 + (2 * (Files - 1))));
        Assert.That(loaded.References.Where(site => site.Target.StartsWith("missing.yaml", StringComparison.Ordinal)).Select(site => site.Problem),
            Is.EqualTo(new[] { "missing.yaml cannot be read: file not found", "missing.yaml cannot be read: file not found" }));
        Assert.That(loaded.Operations.Single().Responses.Single().MediaTypes, Is.EqualTo(new[] { "application/json" }));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, "api", name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string LoadError(string name, string text) =>
        OpenApiDocumentLoader.Load(name, Encoding.UTF8.GetBytes(text)).Error?.ToString() ?? "(loaded)";
}
