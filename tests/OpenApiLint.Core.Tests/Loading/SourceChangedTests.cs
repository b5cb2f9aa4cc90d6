using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Loading;

/// <summary>
/// The loader does not hold a large file's text while the document is read and its rules run: the file is read again to
/// position the findings, and must still hold what was linted. A file changed in between is the file's load error
/// (OAL9001, exit code 2 in the tool), never findings at the wrong lines. A smaller file's text is kept.
/// </summary>
[TestFixture]
public sealed class SourceChangedTests
{
    private const string Yaml = """
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200': { $ref: '#/components/responses/Missing' }
        """;

    private const string Json = """
        {
          "openapi": "3.1.0",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/a": { "get": { "responses": { "200": { "$ref": "#/components/responses/Missing" } } } }
          }
        }
        """;

    /// <summary>Enough to make a document large (<see cref="OpenApiDocumentLoader.LargeDocumentBytes"/>).</summary>
    private static readonly string Padding = new('x', (int)OpenApiDocumentLoader.LargeDocumentBytes);

    private const string Unresolved = "OAL0010 error /paths/~1a/get/responses/200/$ref | $ref '#/components/responses/Missing' cannot be resolved: its target does not exist";

    [TestCase("openapi.yaml", Yaml, "7:18 " + Unresolved)]
    [TestCase("openapi.json", Json, "5:46 " + Unresolved)]
    public void Findings_are_positioned_in_the_file_read_again(string name, string text, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, Large(text));

        var result = new LintRunner(new RulesetResolver("recommended")) { KeepSourceText = false }.LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(Lint.Describe(result.Diagnostics), Is.EqualTo(new[] { expected }));
        });
    }

    [TestCase("openapi.yaml", Yaml)]
    [TestCase("openapi.json", Json)]
    public void A_file_changed_before_its_findings_are_positioned_is_its_load_error(string name, string text)
    {
        using var folder = new TempFolder();
        text = Large(text);
        var path = folder.Write(name, text);
        // An editor saving the file while the rules run: one more line at the top moves every finding down.
        var linter = WithRule(new FileRewritingRule(() => File.WriteAllText(path, "\n" + text)));

        var result = new LintRunner(new RulesetResolver("recommended"), linter) { KeepSourceText = false }.LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Select(error => error.ToString()), Is.EqualTo(new[]
            {
                $"{path}: error OAL9001: the file changed while it was being linted, so its findings cannot be positioned: lint it again",
            }));
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.Document, Is.Null);
        });
    }

    [Test]
    public void A_small_document_keeps_its_text_and_its_findings_where_they_were_linted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Yaml);
        var linter = WithRule(new FileRewritingRule(() => File.WriteAllText(path, "\n" + Yaml)));

        var result = new LintRunner(new RulesetResolver("recommended"), linter) { KeepSourceText = false }.LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(Lint.Describe(result.Diagnostics), Is.EqualTo(new[] { "1:1 OAL0901 info  | the file was written while the rules ran", "7:18 " + Unresolved }));
        });
    }

    [Test]
    public void A_file_written_again_with_the_same_text_is_not_a_change()
    {
        using var folder = new TempFolder();
        var text = Large(Yaml);
        var path = folder.Write("openapi.yaml", text);
        var linter = WithRule(new FileRewritingRule(() =>
        {
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        }));

        var result = new LintRunner(new RulesetResolver("recommended"), linter) { KeepSourceText = false }.LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(Lint.Describe(result.Diagnostics), Is.EqualTo(new[] { "1:1 OAL0901 info  | the file was written while the rules ran", "7:18 " + Unresolved }));
        });
    }

    [Test]
    public void A_file_deleted_before_its_findings_are_positioned_is_its_load_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Large(Yaml));
        var linter = WithRule(new FileRewritingRule(() => File.Delete(path)));

        var result = new LintRunner(new RulesetResolver("recommended"), linter) { KeepSourceText = false }.LintFile(path);

        Assert.That(result.Errors.Select(error => error.ToString()), Has.Exactly(1).StartsWith($"{path}: error OAL9001: cannot be read again to position its findings: Could not find file"));
    }

    [Test]
    public void A_referenced_file_changed_is_the_load_error_of_that_file()
    {
        using var folder = new TempFolder();
        var responses = folder.Write("responses.json", Large("{\n  \"components\": { \"responses\": { \"Ok\": { \"description\": \"OK\" } } }\n}\n"));
        var path = folder.Write("openapi.yaml", """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '200': { $ref: 'responses.json#/components/responses/Ok' }
            """);
        // A finding placed in the referenced file, which is read again to position it.
        var linter = WithRule(new FileRewritingRule(
            () => File.WriteAllText(responses, File.ReadAllText(responses).Replace("\"OK\"", "\"Ok\"", StringComparison.Ordinal)),
            new SourcePointer(responses, "/components/responses/Ok")));

        var result = new LintRunner(new RulesetResolver("recommended"), linter) { KeepSourceText = false }.LintFile(path);

        Assert.That(result.Errors.Select(error => error.ToString()), Is.EqualTo(new[]
        {
            $"{responses}: error OAL9001: the file changed while it was being linted, so its findings cannot be positioned: lint it again",
        }));
    }

    [Test]
    public void A_document_loaded_from_bytes_keeps_them_and_never_reads_its_file()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Yaml);
        var load = OpenApiDocumentLoader.Load(path, File.ReadAllBytes(path));
        File.Delete(path);

        var diagnostics = new Linter().Lint(load.Document!, RulesetLoader.LoadBuiltIn("recommended").Ruleset!);

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(diagnostics), Is.EqualTo(new[] { "7:18 " + Unresolved }));
            Assert.That(load.Document!.GetLines(path, 7, 7), Is.EqualTo(new[] { "        '200': { $ref: '#/components/responses/Missing' }" }));
        });
    }

    [Test]
    public void Linting_a_changed_file_directly_throws_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Large(Yaml));
        var load = OpenApiDocumentLoader.Load(path);
        File.WriteAllText(path, Large(Yaml) + "\n");

        var changed = Assert.Throws<SourceChangedException>(() => new Linter().Lint(load.Document!, RulesetLoader.LoadBuiltIn("recommended").Ruleset!));

        Assert.That(changed!.FilePath, Is.EqualTo(path));
    }

    private static Linter WithRule(IRule rule) => new([.. RuleCatalog.All, rule]);

    /// <summary>
    /// <paramref name="text"/> made large by a member that moves nothing below the first line: first in a JSON object,
    /// last in YAML.
    /// </summary>
    private static string Large(string text) => text.StartsWith('{')
        ? $"{{ \"x-padding\": \"{Padding}\"," + text[1..]
        : $"{text}\nx-padding: {Padding}\n";

    /// <summary>
    /// Not a check: stands for whatever writes the file while the rules run (an editor, a generator), and reports one
    /// finding so that positions are resolved, at <paramref name="location"/> or at the document's root.
    /// </summary>
    private sealed class FileRewritingRule(Action rewrite, SourcePointer? location = null) : IRule
    {
        private static readonly RuleMessage Rewritten = new("rewritten", "the file was written while the rules ran");

        public RuleDescriptor Descriptor { get; } = new("OAL0901", "file-rewriting", "Writes the file while the rules run", Severity.Info)
        {
            Messages = [Rewritten],
        };

        public IEnumerable<Finding> Check(RuleContext context)
        {
            rewrite();
            yield return new Finding(Rewritten.Format(), "", Location: location);
        }
    }
}
