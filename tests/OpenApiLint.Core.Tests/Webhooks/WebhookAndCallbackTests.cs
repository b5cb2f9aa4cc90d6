using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Webhooks;

/// <summary>
/// Webhooks and callbacks: their responses are the subscriber's, so a ruleset skips them by default and the summary
/// says so; <c>"webhooks": "lint"</c> / <c>"callbacks": "lint"</c> lints them like the paths.
/// </summary>
[TestFixture]
public sealed class WebhookAndCallbackTests
{
    private const string Webhooks31 = """
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /subscriptions:
            post:
              responses:
                '201': { description: Created, headers: { Location: { schema: { type: string } } } }
              callbacks:
                onEvent:
                  '{$request.body#/callbackUrl}':
                    post:
                      responses:
                        '201': { description: Received }
        webhooks:
          newPet:
            post:
              responses:
                '201': { description: Received }
        """;

    private const string XWebhooks30 = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        x-webhooks:
          newPet:
            post:
              responses:
                '201': { description: Received }
        """;

    private static LintResult Result(string text, string rulesetJson)
    {
        var document = Lint.Load(text);
        var ruleset = Lint.Ruleset(rulesetJson);
        return LintResult.Of(document.FilePath, document, ruleset, new Linter().Findings(document, ruleset));
    }

    private static string Summary(params LintResult[] results) =>
        new TextFormatter(new ReportOptions()).Summary(new LintReport(results, "openapi-lint", "1.0.0-test", "/work", DateTimeOffset.UnixEpoch));

    [Test]
    public void Webhooks_and_callbacks_are_read_with_their_pointers()
    {
        var document = Lint.Load(Webhooks31);

        Assert.Multiple(() =>
        {
            Assert.That(document.Operations.Select(o => o.DisplayName), Is.EqualTo(new[] { "POST /subscriptions" }));
            Assert.That(document.Webhooks.Select(o => $"{o.DisplayName} {o.Pointer}"), Is.EqualTo(new[] { "POST newPet /webhooks/newPet/post" }));
            Assert.That(document.Callbacks.Select(o => $"{o.DisplayName} {o.Pointer}"), Is.EqualTo(new[]
            {
                "POST {$request.body#/callbackUrl} /paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1callbackUrl}/post",
            }));
        });
    }

    [Test]
    public void By_default_they_are_skipped_and_the_summary_says_so()
    {
        var result = Result(Webhooks31, """{ "extends": "recommended" }""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty, "the 201s without Location are the subscriber's");
            Assert.That((result.SkippedWebhooks, result.SkippedCallbacks), Is.EqualTo((1, 1)));
            Assert.That(Summary(result), Does.EndWith(
                "; 1 webhook operation and 1 callback operation not linted (their responses are the subscriber's; set \"webhooks\" or \"callbacks\": \"lint\" in the ruleset to lint them)"));
        });
    }

    [Test]
    public void Lint_lints_them_like_the_paths()
    {
        var result = Result(Webhooks31, """{ "extends": "recommended", "webhooks": "lint", "callbacks": "lint" }""");

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(result.Diagnostics), Is.EqualTo(new[]
            {
                "13:17 OAL0003 error /paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1callbackUrl}/post/responses/201 | POST {$request.body#/callbackUrl} 201 response does not declare the Location header; team requires Location on 201",
                "18:9 OAL0003 error /webhooks/newPet/post/responses/201 | POST newPet 201 response does not declare the Location header; team requires Location on 201",
            }));
            Assert.That((result.SkippedWebhooks, result.SkippedCallbacks), Is.EqualTo((0, 0)));
            Assert.That(Summary(result), Does.Not.Contain("not linted"));
        });
    }

    [Test]
    public void Only_webhooks_linted_still_reports_the_callbacks_skipped()
    {
        var result = Result(Webhooks31, """{ "extends": "recommended", "webhooks": "lint" }""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.Method + " " + d.Path), Is.EqualTo(new[] { "post newPet" }));
            Assert.That(Summary(result), Does.EndWith("; 1 callback operation not linted (their responses are the subscriber's; set \"callbacks\": \"lint\" in the ruleset to lint them)"));
        });
    }

    [Test]
    public void X_webhooks_of_a_3_0_document_are_webhooks_too()
    {
        var skipped = Result(XWebhooks30, """{ "extends": "recommended" }""");
        var linted = Result(XWebhooks30, """{ "extends": "recommended", "webhooks": "lint" }""");

        Assert.Multiple(() =>
        {
            Assert.That(skipped.SkippedWebhooks, Is.EqualTo(1));
            Assert.That(Lint.Describe(linted.Diagnostics), Is.EqualTo(new[]
            {
                "8:9 OAL0003 error /x-webhooks/newPet/post/responses/201 | POST newPet 201 response does not declare the Location header; team requires Location on 201",
            }));
        });
    }

    [Test]
    public void Swagger_2_x_webhooks_are_linted_when_lint_is_asked()
    {
        const string swagger = """
            swagger: '2.0'
            info: { title: t, version: '1' }
            paths: {}
            x-webhooks:
              newPet:
                post: { responses: { '201': { description: Received } } }
                put: { responses: { '200': { description: OK } } }
                delete: { responses: { '204': { $ref: '#/responses/Gone' } } }
            responses:
              Gone: { description: Gone, schema: { type: object } }
            """;

        var skipped = Result(swagger, """{ "extends": "recommended" }""");
        var linted = Result(swagger, """{ "extends": "recommended", "webhooks": "lint" }""");

        Assert.Multiple(() =>
        {
            Assert.That(skipped.Diagnostics, Is.Empty);
            Assert.That(skipped.SkippedWebhooks, Is.EqualTo(3));
            Assert.That(linted.Document!.Webhooks.Select(o => $"{o.DisplayName} {o.Pointer} {o.Kind}"), Is.EqualTo(new[]
            {
                "POST newPet /x-webhooks/newPet/post Webhook",
                "PUT newPet /x-webhooks/newPet/put Webhook",
                "DELETE newPet /x-webhooks/newPet/delete Webhook",
            }));
            Assert.That(Lint.Describe(linted.Diagnostics), Is.EqualTo(new[]
            {
                "6:26 OAL0003 error /x-webhooks/newPet/post/responses/201 | POST newPet 201 response does not declare the Location header; team requires Location on 201",
                "7:25 OAL0005 warning /x-webhooks/newPet/put/responses/200 | PUT newPet 200 response declares no body; team expects a body on 200",
                "8:28 OAL0004 error /x-webhooks/newPet/delete/responses/204 | DELETE newPet 204 response declares a body (application/octet-stream); team forbids a body on 204",
            }));
            Assert.That(linted.Diagnostics[2].RelatedLocations.Select(Lint.Where), Is.EqualTo(new[] { "openapi.yaml 10:3 /responses/Gone" }), "the $ref'd response's definition");
            Assert.That(linted.SkippedWebhooks, Is.EqualTo(0));
            Assert.That(linted.Document.Operations, Is.Empty, "x-webhooks are not paths");
        });
    }

    [Test]
    public void A_document_without_webhooks_says_nothing_about_them()
    {
        var result = Result(Doc.Operation("get", "200"), """{ "extends": "recommended" }""");

        Assert.That(Summary(result), Does.Not.Contain("webhook").And.Not.Contain("callback"));
    }

    [TestCase("""{ "webhooks": "yes" }""")]
    [TestCase("""{ "callbacks": true }""")]
    [TestCase("""{ "overrides": [ { "paths": ["**"], "ruleset": { "webhooks": "lint" } } ] }""")]
    public void Bad_options_are_refused(string json)
    {
        Assert.That(Core.Rulesets.RulesetLoader.LoadText(json, "/virtual/team.json").Errors, Is.Not.Empty);
    }
}
