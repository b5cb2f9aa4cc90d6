using OpenApiLint.Cli.Tests.Support;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Cli.Tests;

/// <summary><c>--version</c>, <c>--help</c>, <c>rules</c>, <c>rulesets</c> and <c>explain</c>, run in-process.</summary>
[TestFixture]
public sealed class InformationCommandTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Version_PrintsThePackageVersionAlone()
    {
        var outcome = InProcess.Run(_folder.Path, "--version");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.OutLines, Is.EqualTo(new[] { CliApplication.Version }));
            Assert.That(CliApplication.Version, Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
        });
    }

    [TestCase(new[] { "--help" }, " [command] [options]", "dotnet openapi-lint lint openapi.yaml")]
    [TestCase(new[] { "lint", "--help" }, "--fail-on <SEVERITY>", "dotnet openapi-lint lint specs/ --format sarif --output artifacts/openapi-lint.sarif")]
    [TestCase(new[] { "lint", "-h" }, "--template <FILE|DIR>", "dotnet openapi-lint lint openapi.yaml --ruleset minimal-codes --fail-on warning")]
    [TestCase(new[] { "rulesets", "--help" }, "List the built-in rulesets", "dotnet openapi-lint rulesets")]
    [TestCase(new[] { "rules", "--help" }, "List every rule", "dotnet openapi-lint rules")]
    [TestCase(new[] { "explain", "--help" }, "<rule>", "dotnet openapi-lint explain OAL0001")]
    [TestCase(new[] { "init", "--help" }, "--infer <DOC>", "dotnet openapi-lint init --extends minimal-codes --infer openapi.yaml legacy/*.json")]
    public void Help_DescribesTheCommandAndEndsWithExamples(string[] args, string option, string example)
    {
        var outcome = InProcess.Run(_folder.Path, args);
        var examples = outcome.Out.IndexOf("Examples:", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.Out, Does.Contain(option));
            Assert.That(examples, Is.GreaterThan(0));
            Assert.That(outcome.Out[examples..], Does.Contain($"  {example}\n"));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void Rules_ListsEveryRuleWithItsDefaultSeverity()
    {
        var outcome = InProcess.Run(_folder.Path, "rules");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.OutLines, Has.Length.EqualTo(RuleCatalog.All.Count + 1));
            Assert.That(outcome.OutLines[0], Does.Match("^ID +SEVERITY +NAME +TITLE$"));
            Assert.That(outcome.OutLines[1], Is.EqualTo("OAL0001  error     status-code-not-allowed        Status code not allowed for this method"));
            Assert.That(outcome.OutLines[5], Is.EqualTo("OAL0005  warning   response-body-missing          Response body missing where one is expected"));
        });
    }

    [Test]
    public void Rulesets_ListsTheBuiltInsWithSourceAndAllowedCodesPerMethod()
    {
        var outcome = InProcess.Run(_folder.Path, "rulesets");
        var text = outcome.Out;
        var minimal = text[text.IndexOf("minimal-codes\n", StringComparison.Ordinal)..];

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.OutLines.Where(line => !line.StartsWith(' ')), Is.EqualTo(new[]
            {
                "conditional-requests", "http-semantics", "minimal-codes", "platform-of-trust", "recommended (default)",
            }));
            Assert.That(minimal, Does.StartWith(
                "minimal-codes\n" +
                "  title:  HTTP Status Response Codes\n" +
                "  source: “HTTP Status Response Codes”\n" +
                "  allowed codes:\n" +
                "    GET     200, 401, 403, 404, 500\n" +
                "    PUT     200, 204, 400, 401, 403, 404, 500\n" +
                "    POST    201, 400, 401, 403, 500\n"));
            // The '*' policy is shown once, for the methods it holds for.
            Assert.That(text, Does.Contain(
                "    DELETE  204, 400, 401, 403, 404, 500, 503\n" +
                "    HEAD    200, 204, 304, 400, 401, 403, 404, 500, 503\n" +
                "    other   204, 400, 401, 403, 404, 500, 503 (PATCH, OPTIONS, TRACE)\n"));
            Assert.That(text, Does.Contain("recommended (default)\n  title:  OpenApiLint recommended\n"));
            Assert.That(text, Does.EndWith("  allowed codes: any, for every method\n"));
        });
    }

    [Test]
    public void Explain_QuotesTheGuidelineOfTheNamedRuleset()
    {
        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0001", "--ruleset", "minimal-codes");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.OutLines[0], Is.EqualTo("OAL0001 status-code-not-allowed: Status code not allowed for this method"));
            Assert.That(outcome.Out, Does.Contain("\nWhat it checks\n  Every response an operation documents is checked against the codes"));
            Assert.That(outcome.Out, Does.Contain("\nWhy (minimal-codes)\n  Source: “HTTP Status Response Codes”"));
            Assert.That(outcome.Out, Does.Contain("  - POST allows 201, 400, 401, 403, 500 (error): \"For each HTTP method, you should try to use only status codes marked with X in the following table.\""));
            Assert.That(outcome.Out, Does.Contain("\nExample\n  Ruleset: minimal-codes\n\n    openapi: 3.0.3\n"));
            Assert.That(outcome.Out, Does.Contain("\nHow to fix\n  Remove the response, use a code the ruleset allows for the method, or allow the code in your team ruleset (methods.<method>.addAllowed).\n"));
        });
    }

    [Test]
    public void Explain_CitesTheFileThatWroteEachSentenceOfATeamRuleset()
    {
        _folder.Write("team.json", """
            { "title": "Team API rules", "extends": ["minimal-codes"], "methods": { "get": { "rationale": "Team: GET keeps the table." } } }
            """);

        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0001", "--ruleset", "team.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Error);
            // The team file's own sentence is its own; the built-in's sentences are cited by the built-in.
            Assert.That(outcome.OutLines, Does.Contain("  - GET allows 200, 401, 403, 404, 500 (error): Team: GET keeps the table."));
            Assert.That(outcome.OutLines.Single(line => line.StartsWith("  - POST allows", StringComparison.Ordinal)), Does.EndWith("(from “HTTP Status Response Codes”)"));
        });
    }

    [Test]
    public void Explain_CitesTheFileOfSentencesWrittenOnlyInsideOverrides()
    {
        _folder.Write("team.json", """
            {
              "title": "Team API rules",
              "extends": ["minimal-codes"],
              "overrides": [ { "paths": ["/legacy/**"], "ruleset": { "codes": { "200": { "body": "any", "rationale": "Team: legacy 200s carry no content." } } } } ]
            }
            """);

        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0005", "--ruleset", "team.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Error);
            // The built-in's override sentence is the built-in's; the team's own override sentence is not cited twice.
            Assert.That(outcome.OutLines.Single(line => line.StartsWith("  - OPTIONS: lifts", StringComparison.Ordinal)), Does.EndWith(" (from “HTTP Status Response Codes”)"));
            Assert.That(outcome.OutLines.Single(line => line.StartsWith("  - every method on /legacy/**: lifts", StringComparison.Ordinal)), Does.EndWith(": Team: legacy 200s carry no content."));
        });
    }

    [Test]
    public void Explain_ListsTheSentencesBehindPerMethodOverridesAndPerRequirementSeverities()
    {
        var bodies = InProcess.Run(_folder.Path, "explain", "OAL0005", "--ruleset", "http-semantics");
        var headers = InProcess.Run(_folder.Path, "explain", "OAL0003", "--ruleset", "http-semantics");
        var codes = InProcess.Run(_folder.Path, "explain", "OAL0001", "--ruleset", "platform-of-trust");

        Assert.Multiple(() =>
        {
            Assert.That(bodies.OutLines, Has.Some.EqualTo(
                "  - OPTIONS: lifts 200 should declare a body (never on HEAD) (warning): \"The information returned with the response is dependent on the method used in the request, for example:\" and the list names get, head, post and trace. Reading taken: OPTIONS is not among them and retrieves no entity, so its 200 is not expected to have a body."));
            Assert.That(bodies.OutLines, Has.Some.StartsWith("  - HEAD: lifts 200 should declare a body (never on HEAD) (warning): The 200 line lists what each method returns: \"head the entity-header fields"));
            Assert.That(headers.OutLines.Where(line => line.StartsWith("  - 30", StringComparison.Ordinal)).Select(line => line[..line.IndexOf("):", StringComparison.Ordinal)]), Is.EqualTo(new[]
            {
                "  - 301 needs the header Location (warning",
                "  - 302 needs the header Location (error",
                "  - 303 needs the header Location (info",
                "  - 307 needs the header Location (warning",
            }));
            Assert.That(codes.OutLines, Has.Some.StartsWith("  - PATCH, OPTIONS, TRACE allows 204, 400, 401, 403, 404, 500, 503 (error): \"Platform of Trust APIs use the following HTTP codes in responses.\""));
        });
    }

    [Test]
    public void Explain_SaysTheCSharpFixForADocumentAspNetCoreGenerates()
    {
        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0003");

        Assert.That(outcome.Out, Does.EndWith(
            "\nIn an ASP.NET Core project (a document generated at build time)\n"
            + "  Fix the C#, not the generated file: Location on 201/202 and WWW-Authenticate on 401 are declared by OpenApiLint.AspNetCore.OpenApi (options.AddOpenApiLintConventions() in AddOpenApi) or OpenApiLint.Swashbuckle (c.AddOpenApiLintConventions() in AddSwaggerGen); "
            + "other headers by an operation transformer of the team's; or suppress it on the endpoint with [OpenApiLintIgnore(\"OAL0003\", Justification = \"…\")] or .OpenApiLintIgnore(\"OAL0003\") (package OpenApiLint.AspNetCore).\n\n"));
    }

    [Test]
    public void Explain_ByName_PointsToBuiltInsWhenTheRulesetInForceIsSilent()
    {
        var outcome = InProcess.Run(_folder.Path, "explain", "status-code-not-allowed");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.Out, Does.Contain("Why (recommended)\n  recommended does not configure this rule.\n  Built-ins that do: conditional-requests, minimal-codes, platform-of-trust"));
        });
    }

    [Test]
    public void Explain_UsesTheTeamFileOfTheCurrentFolder()
    {
        _folder.Write(".openapi-lint.json", """{ "extends": "minimal-codes", "rules": { "OAL0004": { "severity": "warning", "rationale": "Bodies on 204 are tolerated while clients migrate." } } }""");

        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0004");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Out, Does.Contain("Default severity: error; in .openapi-lint.json: warning"));
            Assert.That(outcome.Out, Does.Contain("  - severity warning: Bodies on 204 are tolerated while clients migrate."));
        });
    }

    [Test]
    public void Explain_WithBrokenRuleset_ExitsTwoWithTheRulesetsErrorOnly()
    {
        _folder.Copy("broken-ruleset.json");

        var outcome = InProcess.Run(_folder.Path, "explain", "OAL0001", "-r", "broken-ruleset.json");

        Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "broken-ruleset.json(6,14): error OAL9002: Value \"fatal\" is not defined in enum at 'rules.OAL0001'\n")));
    }
}
