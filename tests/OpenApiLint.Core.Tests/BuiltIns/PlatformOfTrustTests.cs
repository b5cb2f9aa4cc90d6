using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// <c>platform-of-trust</c> against guidelines 000/001 ("Response codes used"): the listed codes per method as
/// rulesets/README.md derives them, the 204/304 bodies and the failure reason in 4xx/5xx bodies.
/// </summary>
[TestFixture]
public sealed class PlatformOfTrustTests
{
    private const string Name = "platform-of-trust";

    private static readonly string[] ListedMethods = ["get", "put", "post", "delete"];

    // "Platform of Trust APIs use the following HTTP codes in responses." Only 200 ("successful response for GET,
    // PUT and POST.") and 201 ("... created with POST method.") are tied to methods; 304 fits GET only.
    private static readonly (string Code, string[] Methods)[] Table =
    [
        ("200", ["get", "put", "post"]),
        ("201", ["post"]),
        ("204", ["get", "put", "post", "delete"]),
        ("304", ["get"]),
        ("400", ["get", "put", "post", "delete"]),
        ("401", ["get", "put", "post", "delete"]),
        ("403", ["get", "put", "post", "delete"]),
        ("404", ["get", "put", "post", "delete"]),
        ("500", ["get", "put", "post", "delete"]),
        ("503", ["get", "put", "post", "delete"]),
    ];

    private static string AllowedFor(string method) =>
        string.Join(", ", Table.Where(row => row.Methods.Contains(method)).Select(row => row.Code));

    private static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        from method in ListedMethods
        let allowed = row.Methods.Contains(method)
        select new TestCaseData(method, row.Code, allowed)
            .SetName($"Listed {row.Code} on {method.ToUpperInvariant()} is {(allowed ? "allowed" : "not allowed")}");

    [TestCaseSource(nameof(Cells))]
    public void Every_listed_code_on_every_named_method(string method, string code, bool allowed)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed);

        var expected = allowed
            ? []
            : new[] { $"{Doc.KeyPosition} OAL0001 error {method.ToUpperInvariant()} /orders declares {code}; platform-of-trust allows {method.ToUpperInvariant()}: {AllowedFor(method)}" };
        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected));
    }

    [TestCase("202")]
    [TestCase("302")]
    [TestCase("409")]
    [TestCase("422")]
    [TestCase("502")]
    public void Unlisted_codes_are_not_allowed_on_the_named_methods(string code)
    {
        foreach (var method in ListedMethods)
        {
            Assert.That(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed).Select(d => d.Message), Is.EqualTo(new[]
            {
                $"{method.ToUpperInvariant()} /orders declares {code}; platform-of-trust allows {method.ToUpperInvariant()}: {AllowedFor(method)}",
            }));
        }
    }

    // "Platform of Trust APIs use the following HTTP codes in responses." is about every response: PATCH, OPTIONS and
    // TRACE get what is tied to no method (as DELETE), HEAD what GET gets; 201 stays POST-only for all of them.
    [TestCase("patch", "204, 400, 401, 403, 404, 500, 503")]
    [TestCase("options", "204, 400, 401, 403, 404, 500, 503")]
    [TestCase("trace", "204, 400, 401, 403, 404, 500, 503")]
    [TestCase("head", "200, 204, 304, 400, 401, 403, 404, 500, 503")]
    public void Methods_never_mentioned_are_bound_by_the_list(string method, string allowed)
    {
        var upper = method.ToUpperInvariant();
        Assert.Multiple(() =>
        {
            foreach (var code in new[] { "201", "307", "409", "412", "422" })
            {
                Assert.That(Lint.Lines(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed)), Is.EqualTo(new[]
                {
                    $"{Doc.KeyPosition} OAL0001 error {upper} /orders declares {code}; platform-of-trust allows {upper}: {allowed}",
                }), code);
            }

            foreach (var code in allowed.Split(", "))
            {
                Assert.That(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed), Is.Empty, code);
            }
        });
    }

    // "the request was successfully processed, but no content was returned." / "there is no need to transfer the
    // same data again." / "The reason of failure must also be specified."
    [TestCase("delete", "204", true, "OAL0004 error DELETE /orders 204 response declares a body (application/json); platform-of-trust forbids a body on 204")]
    [TestCase("get", "304", true, "OAL0004 error GET /orders 304 response declares a body (application/json); platform-of-trust forbids a body on 304")]
    [TestCase("get", "400", false, "OAL0005 error GET /orders 400 response declares no body; platform-of-trust expects a body on 400")]
    [TestCase("put", "401", false, "OAL0005 error PUT /orders 401 response declares no body; platform-of-trust expects a body on 401")]
    [TestCase("post", "403", false, "OAL0005 error POST /orders 403 response declares no body; platform-of-trust expects a body on 403")]
    [TestCase("delete", "404", false, "OAL0005 error DELETE /orders 404 response declares no body; platform-of-trust expects a body on 404")]
    [TestCase("get", "500", false, "OAL0005 error GET /orders 500 response declares no body; platform-of-trust expects a body on 500")]
    [TestCase("get", "503", false, "OAL0005 error GET /orders 503 response declares no body; platform-of-trust expects a body on 503")]
    [TestCase("patch", "422", false, "OAL0005 error PATCH /orders 422 response declares no body; platform-of-trust expects a body on 422")]
    [TestCase("delete", "204", false, null)]
    [TestCase("get", "304", false, null)]
    [TestCase("get", "404", true, null)]
    [TestCase("get", "500", true, null)]
    // 2xx other than 204 have no body requirement.
    [TestCase("get", "200", false, null)]
    [TestCase("post", "201", false, null)]
    [TestCase("post", "201", true, null)]
    public void Body_requirements(string method, string code, bool body, string? expected)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code, body), Lint.BuiltIn(Name))
            .Where(d => d.RuleId is RuleIds.ResponseBodyForbidden or RuleIds.ResponseBodyMissing);

        var position = expected is not null && expected.StartsWith("OAL0004", StringComparison.Ordinal) ? Doc.ContentPosition : Doc.KeyPosition;
        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { $"{position} {expected}" }));
    }

    [Test]
    public void No_header_or_precondition_is_required()
    {
        // The guideline names no Location for 201 and no request header for 304.
        Assert.Multiple(() =>
        {
            Assert.That(Lint.Run(Doc.Operation("post", "201"), Lint.BuiltIn(Name)), Is.Empty);
            Assert.That(Lint.Run(Doc.Operation("get", "304", body: false), Lint.BuiltIn(Name)), Is.Empty);
        });
    }
}
