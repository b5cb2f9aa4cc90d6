using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// <c>conditional-requests</c> against guideline 003 ("Response Codes" / "Required Response Codes"): the table's
/// codes per method, 201 with Location and no body, 200 with a body, 204/401/404 without, 304 and 412 with their
/// precondition headers, and the example error body at info.
/// </summary>
[TestFixture]
public sealed class ConditionalRequestsTests
{
    private const string Name = "conditional-requests";

    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    // "The following response codes must be used when responding to requests." 201 is "Returned after a
    // successful POST."; "A POST response will not contain a body.", so POST has neither 200 nor 204.
    private static readonly (string Code, string[] Methods)[] Table =
    [
        ("200", ["get", "put", "patch", "delete"]),
        ("201", ["post"]),
        ("204", ["get", "put", "patch", "delete"]),
        ("304", ["get", "put", "post", "patch", "delete"]),
        ("400", ["get", "put", "post", "patch", "delete"]),
        ("401", ["get", "put", "post", "patch", "delete"]),
        ("403", ["get", "put", "post", "patch", "delete"]),
        ("404", ["get", "put", "post", "patch", "delete"]),
        ("409", ["get", "put", "post", "patch", "delete"]),
        ("412", ["get", "put", "post", "patch", "delete"]),
        ("500", ["get", "put", "post", "patch", "delete"]),
    ];

    private static string AllowedFor(string method) =>
        string.Join(", ", Table.Where(row => row.Methods.Contains(method)).Select(row => row.Code));

    private static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        from method in Methods
        let allowed = row.Methods.Contains(method)
        select new TestCaseData(method, row.Code, allowed)
            .SetName($"Required-codes table {row.Code} on {method.ToUpperInvariant()} is {(allowed ? "allowed" : "not allowed")}");

    [TestCaseSource(nameof(Cells))]
    public void Every_code_of_the_table_on_every_method(string method, string code, bool allowed)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed);

        var expected = allowed
            ? []
            : new[] { $"{Doc.KeyPosition} OAL0001 error {method.ToUpperInvariant()} /orders declares {code}; conditional-requests allows {method.ToUpperInvariant()}: {AllowedFor(method)}" };
        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected));
    }

    [TestCase("202")]
    [TestCase("422")]
    [TestCase("429")]
    [TestCase("503")]
    public void Codes_outside_the_table_are_not_allowed(string code)
    {
        foreach (var method in Methods)
        {
            Assert.That(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed), Has.Count.EqualTo(1), method);
        }
    }

    // "The following response codes must be used when responding to requests." is about every request: HEAD, OPTIONS
    // and TRACE are bound by the table through the '*' policy, 201 stays POST-only.
    [TestCase("head")]
    [TestCase("options")]
    [TestCase("trace")]
    public void Methods_not_discussed_are_bound_by_the_table(string method)
    {
        var upper = method.ToUpperInvariant();
        Assert.Multiple(() =>
        {
            foreach (var code in new[] { "202", "201", "307", "405" })
            {
                Assert.That(Lint.Lines(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed)), Is.EqualTo(new[]
                {
                    $"{Doc.KeyPosition} OAL0001 error {upper} /orders declares {code}; conditional-requests allows {upper}: 200, 204, 304, 400, 401, 403, 404, 409, 412, 500",
                }), code);
            }

            Assert.That(Lint.Run(Doc.Operation(method, "409"), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed), Is.Empty);
        });
    }

    private static IEnumerable<TestCaseData> Requirements()
    {
        TestCaseData Case(string name, string document, params string[] expected) => new TestCaseData(document, expected).SetName(name);

        // "Returned after a successful operation when a response contains a body." (raised to error)
        yield return Case("200 without body is an error", Doc.Operation("get", "200", body: false),
            "8:9 OAL0005 error GET /orders 200 response declares no body; conditional-requests expects a body on 200");
        yield return Case("200 with body", Doc.Operation("get", "200"));

        // "The response from a POST will also include a location in the header ... A POST response will not contain a body."
        yield return Case("201 without Location and with body", Doc.Operation("post", "201"),
            "8:9 OAL0003 error POST /orders 201 response does not declare the Location header; conditional-requests requires Location on 201",
            "11:11 OAL0004 error POST /orders 201 response declares a body (application/json); conditional-requests forbids a body on 201");
        yield return Case("201 with Location and no body", Doc.Operation("post", "201", body: false, responseHeaders: ["Location"]));

        // "Returned when the server has fulfilled the request, but does not return an entity body."
        yield return Case("204 with body", Doc.Operation("delete", "204"),
            "11:11 OAL0004 error DELETE /orders 204 response declares a body (application/json); conditional-requests forbids a body on 204");
        yield return Case("204 without body", Doc.Operation("delete", "204", body: false));

        // "Returned when the client includes the “If-None-Match” header ..."
        yield return Case("304 without If-None-Match", Doc.Operation("get", "304", body: false),
            "8:9 OAL0006 error GET /orders declares 304 but accepts no If-None-Match request header; conditional-requests requires If-None-Match for 304");
        yield return Case("304 with only If-Modified-Since", Doc.Operation("get", "304", body: false, requestHeaders: ["If-Modified-Since"]),
            "8:9 OAL0006 error GET /orders declares 304 but accepts no If-None-Match request header; conditional-requests requires If-None-Match for 304");
        yield return Case("304 with If-None-Match", Doc.Operation("get", "304", body: false, requestHeaders: ["If-None-Match"]));
        yield return Case("304 body is not ruled on", Doc.Operation("get", "304", body: true, requestHeaders: ["If-None-Match"]));

        // "The body of the response may contain a descriptive error message."
        yield return Case("400 with body", Doc.Operation("post", "400"));
        yield return Case("400 without body", Doc.Operation("post", "400", body: false));

        // "Returned if the access token is invalid. The response will not contain a body."
        yield return Case("401 with body", Doc.Operation("get", "401"),
            "11:11 OAL0004 error GET /orders 401 response declares a body (application/json); conditional-requests forbids a body on 401");
        yield return Case("401 without body", Doc.Operation("get", "401", body: false));

        // "Returned if a resource is not found. The response will not contain a body."
        yield return Case("404 with body", Doc.Operation("get", "404"),
            "11:11 OAL0004 error GET /orders 404 response declares a body (application/json); conditional-requests forbids a body on 404");
        yield return Case("404 without body", Doc.Operation("get", "404", body: false));

        // 403's "(e.g., Missing “If-Match” header on PATCH or DELETE)" is an example, not a rule.
        yield return Case("403 on PATCH needs no If-Match", Doc.Operation("patch", "403"));
        yield return Case("409 has no requirement", Doc.Operation("put", "409", body: false));

        // "Returned if an “If-Match” header pre-condition fails."
        yield return Case("412 without If-Match", Doc.Operation("put", "412"),
            "8:9 OAL0006 error PUT /orders declares 412 but accepts no If-Match request header; conditional-requests requires If-Match for 412");
        yield return Case("412 with only If-None-Match", Doc.Operation("delete", "412", requestHeaders: ["If-None-Match"]),
            "8:9 OAL0006 error DELETE /orders declares 412 but accepts no If-Match request header; conditional-requests requires If-Match for 412");
        yield return Case("412 with If-Match", Doc.Operation("patch", "412", requestHeaders: ["If-Match"]));

        // "A message in the body, containing the error details, is optional." + the "For example:" object (info).
        yield return Case("500 body without code, type, message", Doc.Operation("get", "500"),
            "11:11 OAL0007 info GET /orders 500 response body lacks code, type, message; conditional-requests requires code, type, message in the body of 500");
        yield return Case("500 without body", Doc.Operation("get", "500", body: false));
    }

    [TestCaseSource(nameof(Requirements))]
    public void Header_body_and_precondition_requirements(string document, string[] expected)
    {
        var diagnostics = Lint.Run(document, Lint.BuiltIn(Name)).Where(d => d.RuleId != RuleIds.StatusCodeNotAllowed);

        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected));
    }

    [Test]
    public void Error_body_with_the_example_properties_passes()
    {
        const string document = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /orders:
                get:
                  responses:
                    '200': { description: OK, content: { application/json: {} } }
                    '500':
                      description: Error
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              code: { type: integer, example: 500 }
                              type: { type: string, example: Internal Server Error }
                              message: { type: string, example: Unable to communicate with database }
            """;

        Assert.That(Lint.Run(document, Lint.BuiltIn(Name)), Is.Empty);
    }

    [Test]
    public void Severities_follow_the_wording()
    {
        var ruleset = Lint.BuiltIn(Name);

        Assert.Multiple(() =>
        {
            // The severities sit on the requirements: 200's body is a 'must be used' row, the error body an example.
            Assert.That(ruleset.ForCode("200")!.OfBody().Severity, Is.EqualTo(Severity.Error));
            Assert.That(ruleset.ForCode("500")!.OfErrorBodyProperty("code").Severity, Is.EqualTo(Severity.Info));
            Assert.That(ruleset.ForCode("201")!.OfResponseHeader("Location"), Is.EqualTo((Severity.Error, "\"The response from a POST will also include a location in the header pointing to the newly added resource.\" (‘will’: error)", (RequirementOrigin?)null)));
            Assert.That(ruleset.MaxDistinctCodes, Is.Null);
            Assert.That(ruleset.Methods.Values.SelectMany(policy => policy.Required), Is.Empty);
        });
    }
}
