using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Tests.Linting;

[TestFixture]
public sealed class GeneratedDocumentFixesTests
{
    private static Diagnostic Finding(string ruleId, string? statusCode) =>
        new(ruleId, Severity.Error, "m", SourceLocation.Unpositioned("obj/Api.json"), [], "/orders", "post", statusCode);

    [TestCase(OpenApiGenerator.AspNetCoreOpenApi, "201", "add the OpenApiLint.AspNetCore.OpenApi package and call options.AddOpenApiLintConventions() in AddOpenApi(options => …)")]
    [TestCase(OpenApiGenerator.Swashbuckle, "401", "add the OpenApiLint.Swashbuckle package and call c.AddOpenApiLintConventions() in AddSwaggerGen(c => …)")]
    [TestCase(OpenApiGenerator.NSwag, "201", "declare it on the response in an NSwag IOperationProcessor (OpenApiLint's companions cover Microsoft.AspNetCore.OpenApi and Swashbuckle)")]
    [TestCase(OpenApiGenerator.Unknown, "202", "OpenApiLint.AspNetCore.OpenApi (options.AddOpenApiLintConventions() in AddOpenApi) or OpenApiLint.Swashbuckle (c.AddOpenApiLintConventions() in AddSwaggerGen)")]
    public void A_header_the_framework_sends_is_fixed_by_the_companion_of_the_generator(OpenApiGenerator generator, string code, string companion)
    {
        var fix = GeneratedDocumentFixes.For(Finding(RuleIds.ResponseHeaderMissing, code), generator);

        Assert.That(fix, Is.EqualTo($"the framework sends it, so let the generated document say so: {companion}; if this endpoint really does not send it, suppress it on the endpoint with [OpenApiLintIgnore(\"OAL0003\", Justification = \"…\")] or .OpenApiLintIgnore(\"OAL0003\") (package OpenApiLint.AspNetCore)"));
    }

    [Test]
    public void Every_rule_has_a_CSharp_fix_that_names_its_own_suppression()
    {
        Assert.Multiple(() =>
        {
            foreach (var rule in RuleCatalog.All)
            {
                var id = rule.Descriptor.Id;
                Assert.That(GeneratedDocumentFixes.ForRule(id), Does.Contain($"[OpenApiLintIgnore(\"{id}\"").And.Not.Contain("obj/"), id);
            }
        });
    }

    [Test]
    public void A_disallowed_code_is_fixed_in_what_the_endpoint_declares()
    {
        Assert.That(GeneratedDocumentFixes.For(Finding(RuleIds.StatusCodeNotAllowed, "200"), OpenApiGenerator.AspNetCoreOpenApi), Does.StartWith("change what the endpoint declares (its TypedResults return type, .Produces…() or [ProducesResponseType])"));
    }
}
