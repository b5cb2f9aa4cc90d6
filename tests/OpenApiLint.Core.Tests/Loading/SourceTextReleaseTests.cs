using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Loading;

/// <summary>
/// A run over many documents need not hold all their text until it prints: without <see cref="LintRunner.KeepSourceText"/>
/// a result keeps its positioned findings and its model, and the text is released.
/// </summary>
[TestFixture]
public sealed class SourceTextReleaseTests
{
    private const string Document = """
        openapi: 3.1.0
        info: { title: t, version: '1' }
        webhooks:
          orderShipped:
            post:
              responses:
                '200': { description: OK }
        paths:
          /a:
            get:
              responses:
                '200': { $ref: '#/components/responses/Missing' }
        """;

    [Test]
    public void Findings_stay_positioned_when_the_text_is_released()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", Document);

        var kept = new LintRunner(new RulesetResolver("recommended")).LintFile(path);
        var released = new LintRunner(new RulesetResolver("recommended")) { KeepSourceText = false }.LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(Lint.Describe(released.Diagnostics), Is.EqualTo(Lint.Describe(kept.Diagnostics)));
            Assert.That(Lint.Describe(released.Diagnostics), Is.EqualTo(new[]
            {
                "12:18 OAL0010 error /paths/~1a/get/responses/200/$ref | $ref '#/components/responses/Missing' cannot be resolved: its target does not exist",
            }));
            Assert.That(released.Document!.Operations.Select(operation => operation.DisplayName), Is.EqualTo(new[] { "GET /a" }));
            Assert.That(kept.Document!.GetLines(path, 12, 12), Is.EqualTo(new[] { "        '200': { $ref: '#/components/responses/Missing' }" }));
            Assert.That(released.Document.GetLines(path, 12, 12), Is.Empty);
            Assert.That(kept.Document.Operations.Single().Responses.Select(response => response.StatusKey), Is.EqualTo(new[] { "200" }));
            Assert.That(released.Document.Operations.Single().Responses, Is.Empty);
            Assert.That((released.SkippedWebhooks, released.Document.Webhooks.Count), Is.EqualTo((kept.SkippedWebhooks, kept.Document.Webhooks.Count)));
            Assert.That(released.Document.References.Select(site => site.Target), Is.EqualTo(new[] { "#/components/responses/Missing" }));
        });
    }
}
