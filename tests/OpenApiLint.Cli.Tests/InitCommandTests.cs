using Newtonsoft.Json.Linq;
using OpenApiLint.Cli.Tests.Support;

namespace OpenApiLint.Cli.Tests;

/// <summary><c>init</c>, run in-process: what it writes, what it refuses, and that inferred lists silence OAL0001.</summary>
[TestFixture]
public sealed class InitCommandTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string TeamFile => _folder[".openapi-lint.json"];

    [Test]
    public void Init_WritesANamedTeamFileExtendingRecommended_SoMessagesSayTheTeamsName()
    {
        _folder.Copy("petstore.openapi.yaml");

        var outcome = InProcess.Run(_folder.Path, "init", "--name", "orders-team");
        var lint = InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(0, "Wrote .openapi-lint.json (orders-team, extends recommended).\n", "")));
            Assert.That(File.ReadAllText(TeamFile), Is.EqualTo("{\n  \"name\": \"orders-team\",\n  \"extends\": \"recommended\"\n}\n"));
            Assert.That(lint.OutLines[0], Is.EqualTo("petstore.openapi.yaml(17,9): error OAL0003: GET /orders 401 response does not declare the WWW-Authenticate header; orders-team requires WWW-Authenticate on 401"));
            Assert.That(lint.OutLines[^1], Is.EqualTo("4 errors, 0 warnings, 0 infos in 1 file (ruleset orders-team)"));
        });
    }

    [TestCase("OrdersApi", "orders-api")]
    [TestCase("billing_service", "billing-service")]
    [TestCase("Contoso.Orders.Api", "contoso-orders-api")]
    [TestCase("v2", "v2")]
    public void Init_WithoutName_NamesTheRulesetAfterTheFolder(string folder, string name)
    {
        Directory.CreateDirectory(_folder[folder]);

        var outcome = InProcess.Run(_folder[folder], "init");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(0, $"Wrote .openapi-lint.json ({name}, extends recommended).\n", "")));
            Assert.That((string?)JObject.Parse(File.ReadAllText(Path.Combine(_folder[folder], ".openapi-lint.json")))["name"], Is.EqualTo(name));
        });
    }

    [Test]
    public void Init_WithAnEmptyName_IsAUsageError()
    {
        var outcome = InProcess.Run(_folder.Path, "init", "--name", " ");

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(new CliOutcome(2, "", "openapi-lint: error: --name needs a name, such as orders-team\n")));
            Assert.That(File.Exists(TeamFile), Is.False);
        });
    }

    [Test]
    public void Init_NeverOverwritesWithoutForce()
    {
        File.WriteAllText(TeamFile, "{ \"extends\": \"minimal-codes\" }");

        var refused = InProcess.Run(_folder.Path, "init", "--extends", "platform-of-trust");
        var kept = File.ReadAllText(TeamFile);
        var forced = InProcess.Run(_folder.Path, "init", "--extends", "platform-of-trust", "--force");

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(new CliOutcome(2, "", "openapi-lint: error: .openapi-lint.json already exists; use --force to replace it\n")));
            Assert.That(kept, Is.EqualTo("{ \"extends\": \"minimal-codes\" }"));
            Assert.That(forced.ExitCode, Is.EqualTo(0));
            Assert.That((string?)JObject.Parse(File.ReadAllText(TeamFile))["extends"], Is.EqualTo("platform-of-trust"));
        });
    }

    [Test]
    public void Infer_AllowsWhatTheDocumentsUse_SoLintingThemReportsNoDisallowedCode()
    {
        _folder.Copy("legacy.openapi.yaml", "api/legacy.openapi.yaml");
        var before = InProcess.Run(_folder.Path, "lint", "api", "-r", "minimal-codes");

        var init = InProcess.Run(_folder.Path, "init", "--extends", "minimal-codes", "--infer", "api/legacy.openapi.yaml", "--name", "legacy-team");
        var after = InProcess.Run(_folder.Path, "lint", "api");
        var methods = (JObject)JObject.Parse(File.ReadAllText(TeamFile))["methods"]!;

        Assert.Multiple(() =>
        {
            Assert.That(before.OutLines.Count(line => line.Contains(" OAL0001: ", StringComparison.Ordinal)), Is.EqualTo(3), before.ToString());
            Assert.That(init.OutLines, Is.EqualTo(new[] { "Wrote .openapi-lint.json (legacy-team, extends minimal-codes; allowed codes for GET, POST, DELETE from 1 document)." }));
            Assert.That(methods.Properties().Select(property => property.Name), Is.EqualTo(new[] { "get", "post", "delete" }));
            Assert.That(methods["get"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "200", "202", "401", "403", "404", "500" }));
            Assert.That(methods["post"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "200", "201", "400", "401", "403", "500" }));
            Assert.That(methods["delete"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "200", "204", "401", "403", "404", "500" }));
            Assert.That(after, Is.EqualTo(new CliOutcome(0, "0 errors, 0 warnings, 0 infos in 1 file (ruleset legacy-team)\n", "")));
        });
    }

    [Test]
    public void Infer_OnAStarPolicy_StartsAnUnlistedMethodFromIt()
    {
        // platform-of-trust binds PATCH through '*' (204, 400, 401, 403, 404, 500, 503); a PATCH 409 is added to that list.
        _folder.Write("api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders/{id}:
                patch:
                  responses:
                    '204': { description: Updated }
                    '409': { description: Conflict, content: { application/json: { schema: { type: object } } } }
            """);
        var before = InProcess.Run(_folder.Path, "lint", "api.yaml", "-r", "platform-of-trust");

        InProcess.Run(_folder.Path, "init", "--extends", "platform-of-trust", "--infer", "api.yaml");
        var methods = (JObject)JObject.Parse(File.ReadAllText(TeamFile))["methods"]!;

        Assert.Multiple(() =>
        {
            Assert.That(before.OutLines, Has.Some.Contains("error OAL0001: PATCH /orders/{id} declares 409; platform-of-trust allows PATCH: 204, 400, 401, 403, 404, 500, 503"));
            Assert.That(methods.Properties().Select(property => property.Name), Is.EqualTo(new[] { "patch" }));
            Assert.That(methods["patch"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "204", "400", "401", "403", "404", "409", "500", "503" }));
            Assert.That(InProcess.Run(_folder.Path, "lint", "api.yaml").OutLines, Has.None.Contains("OAL0001"));
        });
    }

    [Test]
    public void Infer_OnRecommended_FreezesTheCodesInUse()
    {
        _folder.Copy("petstore.openapi.yaml");

        InProcess.Run(_folder.Path, "init", "--infer", "petstore.openapi.yaml");
        var methods = JObject.Parse(File.ReadAllText(TeamFile))["methods"]!;

        Assert.Multiple(() =>
        {
            Assert.That(methods["get"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "200", "304", "401", "404" }));
            Assert.That(methods["post"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "200", "201", "400" }));
            Assert.That(methods["delete"]!["allowed"]!.Values<string>(), Is.EqualTo(new[] { "204", "404" }));
            Assert.That(InProcess.Run(_folder.Path, "lint", "petstore.openapi.yaml").OutLines, Has.None.Contains("OAL0001"));
        });
    }

    [Test]
    public void Infer_FromABrokenDocument_ExitsTwoAndWritesNothing()
    {
        _folder.Copy("legacy.openapi.yaml");
        _folder.Copy("malformed.json");

        var outcome = InProcess.Run(_folder.Path, "init", "--infer", "legacy.openapi.yaml", "malformed.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1).And.Some.StartWith("malformed.json(8,1): error OAL9001: invalid JSON"));
            Assert.That(File.Exists(TeamFile), Is.False);
        });
    }

    [Test]
    public void Init_WithUnknownBase_ExitsTwoAndWritesNothing()
    {
        var outcome = InProcess.Run(_folder.Path, "init", "--extends", "strictest");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.ErrorLines, Has.Length.EqualTo(1).And.Some.StartWith("strictest: error OAL9002: unknown ruleset 'strictest'"));
            Assert.That(File.Exists(TeamFile), Is.False);
        });
    }

    [Test]
    public void Init_ExtendingAFile_NamesItRelativeToTheTeamFile()
    {
        _folder.Copy("team-ruleset.json", "rulesets/base.json");

        var outcome = InProcess.Run(_folder.Path, "init", "--extends", "rulesets/base.json");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
            Assert.That((string?)JObject.Parse(File.ReadAllText(TeamFile))["extends"], Is.EqualTo("./rulesets/base.json"));
        });
    }
}
