using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// <c>minimal-codes</c> against guideline 002 ("HTTP Status Response Codes"): every cell of its table, both ways,
/// and each body requirement and the distinct-code cap. The table is written out here from the guideline, not read
/// from the ruleset, so a wrong ruleset fails.
/// </summary>
[TestFixture]
public sealed class MinimalCodesTests
{
    private const string Name = "minimal-codes";

    // "For each HTTP method, you should try to use only status codes marked with X in the following table."
    private static readonly (string Code, string[] Methods)[] Table =
    [
        ("200", ["get", "put", "patch", "delete"]),
        ("201", ["post"]),
        ("204", ["put", "patch", "delete"]),
        ("400", ["post", "put", "patch"]),
        ("401", ["get", "post", "put", "patch", "delete"]),
        ("403", ["get", "post", "put", "patch", "delete"]),
        ("404", ["get", "put", "patch"]),
        ("500", ["get", "post", "put", "patch", "delete"]),
    ];

    private static readonly string[] TableMethods = ["get", "post", "put", "patch", "delete"];

    private static string AllowedFor(string method) =>
        string.Join(", ", Table.Where(row => row.Methods.Contains(method)).Select(row => row.Code));

    private static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        from method in TableMethods
        let allowed = row.Methods.Contains(method)
        select new TestCaseData(method, row.Code, allowed)
            .SetName($"Table cell {row.Code} x {method.ToUpperInvariant()} is {(allowed ? "X (allowed)" : "empty (not allowed)")}");

    [TestCaseSource(nameof(Cells))]
    public void Every_cell_of_the_table(string method, string code, bool allowed)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed);

        var expected = allowed
            ? []
            : new[] { $"{Doc.KeyPosition} OAL0001 error {method.ToUpperInvariant()} /orders declares {code}; minimal-codes allows {method.ToUpperInvariant()}: {AllowedFor(method)}" };
        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected));
    }

    [Test]
    public void The_issue_example_message()
    {
        var diagnostic = Lint.Run(Doc.Operation("post", "200"), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed).Single();

        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Message, Is.EqualTo("POST /orders declares 200; minimal-codes allows POST: 201, 400, 401, 403, 500"));
            Assert.That(diagnostic.Rationale, Does.Contain("\"For each HTTP method, you should try to use only status codes marked with X in the following table.\""));
        });
    }

    private static IEnumerable<TestCaseData> OffTableCodes() =>
        from code in new[] { "202", "301", "304", "409", "412", "422", "429", "503", "4XX", "5XX" }
        from method in TableMethods
        select new TestCaseData(method, code).SetName($"Off-table {code} on {method.ToUpperInvariant()} is not allowed");

    [TestCaseSource(nameof(OffTableCodes))]
    public void Codes_outside_the_table_are_not_allowed(string method, string code)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed);

        Assert.That(diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            $"{method.ToUpperInvariant()} /orders declares {code}; minimal-codes allows {method.ToUpperInvariant()}: {AllowedFor(method)}",
        }));
    }

    // HEAD takes GET's column; OPTIONS and TRACE, without a column, any code the table marks: a code marked for no
    // method is off the table for every method.
    [TestCase("head", "200", true)]
    [TestCase("head", "404", true)]
    [TestCase("head", "204", false)]
    [TestCase("head", "302", false)]
    [TestCase("options", "200", true)]
    [TestCase("options", "204", true)]
    [TestCase("options", "201", true)]
    [TestCase("options", "302", false)]
    [TestCase("options", "409", false)]
    [TestCase("trace", "200", true)]
    [TestCase("trace", "503", false)]
    public void Methods_outside_the_table_use_only_codes_on_the_table(string method, string code, bool allowed)
    {
        var upper = method.ToUpperInvariant();
        var list = method == "head" ? "200, 401, 403, 404, 500" : "200, 201, 204, 400, 401, 403, 404, 500";
        Assert.That(Lint.Lines(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed)), Is.EqualTo(allowed
            ? Array.Empty<string>()
            : [$"{Doc.KeyPosition} OAL0001 error {upper} /orders declares {code}; minimal-codes allows {upper}: {list}"]));
    }

    // 200 and 201 with content, 204 without, 500 preferably with an errors object.
    [TestCase("get", "200", false, "OAL0005 warning GET /orders 200 response declares no body; minimal-codes expects a body on 200")]
    [TestCase("delete", "200", false, "OAL0005 info DELETE /orders 200 response declares no body; minimal-codes expects a body on 200")]
    [TestCase("post", "201", false, "OAL0005 warning POST /orders 201 response declares no body; minimal-codes expects a body on 201")]
    [TestCase("put", "500", false, "OAL0005 info PUT /orders 500 response declares no body; minimal-codes expects a body on 500")]
    [TestCase("patch", "204", true, "OAL0004 error PATCH /orders 204 response declares a body (application/json); minimal-codes forbids a body on 204")]
    [TestCase("get", "200", true, null)]
    [TestCase("post", "201", true, null)]
    [TestCase("get", "500", true, null)]
    [TestCase("delete", "204", false, null)]
    // No body requirement for the other codes of the table.
    [TestCase("post", "400", false, null)]
    [TestCase("post", "400", true, null)]
    [TestCase("get", "401", false, null)]
    [TestCase("get", "403", true, null)]
    [TestCase("get", "404", false, null)]
    public void Body_requirements(string method, string code, bool body, string? expected)
    {
        var diagnostics = Lint.Run(Doc.Operation(method, code, body), Lint.BuiltIn(Name))
            .Where(d => d.RuleId is RuleIds.ResponseBodyForbidden or RuleIds.ResponseBodyMissing);

        var position = expected is not null && expected.StartsWith("OAL0004", StringComparison.Ordinal) ? Doc.ContentPosition : Doc.KeyPosition;
        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { $"{position} {expected}" }));
    }

    [Test]
    public void No_code_is_required_and_no_header_is_required()
    {
        var document = Doc.Operation("post", "201", body: true);

        Assert.That(Lint.Run(document, Lint.BuiltIn(Name)), Is.Empty);
    }

    private const string EightCodes = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders:
            get:
              responses:
                '200': { description: OK, content: { application/json: {} } }
                '401': { description: Unauthorized }
                '403': { description: Forbidden }
                '404': { description: Not found }
                '500': { description: Error, content: { application/json: {} } }
            post:
              responses:
                '201': { description: Created, content: { application/json: {} } }
                '400': { description: Bad request }
          /orders/{id}:
            delete:
              responses:
                '204': { description: Deleted }
        """;

    [Test]
    public void The_eight_codes_of_the_table_are_within_the_cap()
    {
        Assert.That(Lint.Run(EightCodes, Lint.BuiltIn(Name)), Is.Empty);
    }

    [Test]
    public void A_ninth_code_is_over_the_cap_even_on_a_method_outside_the_table()
    {
        var document = EightCodes + """

                head:
                  responses:
                    '304': { description: Not modified }
            """;

        var diagnostics = Lint.Run(document, Lint.BuiltIn(Name));

        Assert.That(Lint.Lines(diagnostics), Is.EqualTo(new[]
        {
            "22:9 OAL0001 error HEAD /orders/{id} declares 304; minimal-codes allows HEAD: 200, 401, 403, 404, 500",
            "22:9 OAL0008 warning the document uses 9 distinct status codes (200, 201, 204, 304, 400, 401, 403, 404, 500); minimal-codes allows at most 8",
        }));
        Assert.That(diagnostics[1].Rationale, Does.Contain("\"Try to minimize the number of HTTP status codes a REST API returns.\""));
    }
}
