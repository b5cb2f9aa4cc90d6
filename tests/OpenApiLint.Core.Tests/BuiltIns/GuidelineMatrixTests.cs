using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// A hold-out written from the guideline sentences, not from the rulesets: every method × a wide set of codes, each
/// with and without a body and with and without the headers the guidelines name, under all five built-ins. Each cell
/// states the exact findings (rule and severity) the sentence calls for, with the verb convention (must/must not/will
/// → error; should/try → warning; can/may/preferably → info; a code outside an allowed list is always an error).
/// </summary>
[TestFixture]
public sealed class GuidelineMatrixTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static readonly string[] Codes =
        ["200", "201", "202", "204", "301", "302", "303", "304", "307", "400", "401", "403", "404", "405", "409", "412", "415", "422", "500", "503"];

    private static readonly string[] ResponseHeaders = ["Location", "WWW-Authenticate", "Allow"];

    private static readonly string[] RequestHeaders = ["If-Match", "If-None-Match", "If-Modified-Since"];

    private const string E = "error";
    private const string W = "warning";
    private const string I = "info";

    /// <summary>One response as the matrix writes it: method, code, whether it has a body, whether it has every header.</summary>
    private sealed record Cell(string Method, string Code, bool Body, bool Headers)
    {
        public bool IsHead => Method == "head";

        public bool Is4xxOr5xx => Code[0] is '4' or '5';
    }

    private static IEnumerable<string> PlatformOfTrust(Cell c)
    {
        // "Platform of Trust APIs use the following HTTP codes in responses.": every method is bound by the list;
        // 200 is "for GET, PUT and POST" (and HEAD, answered like GET), 201 "with POST method", 304 a retrieval's.
        string[] errors = ["400", "401", "403", "404", "500", "503"];
        var allowed = c.Method switch
        {
            "get" or "head" => ["200", "204", "304", .. errors],
            "put" => ["200", "204", .. errors],
            "post" => ["200", "201", "204", .. errors],
            _ => new[] { "204" }.Concat(errors).ToArray(),
        };
        if (!allowed.Contains(c.Code))
        {
            yield return $"OAL0001 {E}";
        }

        // "no content was returned." / "there is no need to transfer the same data again."
        if (c.Code is "204" or "304" && c.Body)
        {
            yield return $"OAL0004 {E}";
        }

        // "The reason of failure must also be specified." (never on HEAD: no body)
        if (c.Is4xxOr5xx && !c.Body && !c.IsHead)
        {
            yield return $"OAL0005 {E}";
        }
    }

    private static IEnumerable<string> MinimalCodes(Cell c)
    {
        // The table; HEAD takes GET's column, OPTIONS and TRACE any code the table marks for some method.
        var allowed = c.Method switch
        {
            "get" or "head" => ["200", "401", "403", "404", "500"],
            "post" => ["201", "400", "401", "403", "500"],
            "put" or "patch" => ["200", "204", "400", "401", "403", "404", "500"],
            "delete" => ["200", "204", "401", "403", "500"],
            _ => new[] { "200", "201", "204", "400", "401", "403", "404", "500" },
        };
        if (!allowed.Contains(c.Code))
        {
            yield return $"OAL0001 {E}";
        }

        if (!c.Body && !c.IsHead)
        {
            // 200 "should be returned … when there is a need for content" (DELETE: "can"; OPTIONS retrieves nothing);
            // 201 "The response body should contain a resource identifier"; 500 "preferably along with an errors object".
            switch (c.Code)
            {
                case "200" when c.Method == "delete": yield return $"OAL0005 {I}"; break;
                case "200" when c.Method != "options": yield return $"OAL0005 {W}"; break;
                case "201": yield return $"OAL0005 {W}"; break;
                case "500": yield return $"OAL0005 {I}"; break;
            }
        }

        if (c.Code == "204" && c.Body)
        {
            yield return $"OAL0004 {E}";
        }
    }

    private static IEnumerable<string> ConditionalRequests(Cell c)
    {
        // "The following response codes must be used when responding to requests.": every method; 201 POST only, and
        // a successful POST is 201 only.
        string[] table = ["200", "201", "204", "304", "400", "401", "403", "404", "409", "412", "500"];
        var allowed = c.Method == "post" ? table.Except(["200", "204"]) : table.Except(["201"]);
        if (!allowed.Contains(c.Code))
        {
            yield return $"OAL0001 {E}";
        }

        if (c.Code == "200" && !c.Body && !c.IsHead)
        {
            yield return $"OAL0005 {E}";
        }

        if (c.Code == "201" && !c.Headers)
        {
            yield return $"OAL0003 {E}";
        }

        if (c.Code is "201" or "204" or "401" or "404" && c.Body)
        {
            yield return $"OAL0004 {E}";
        }

        // 304 "If-None-Match", 412 "If-Match".
        if (c.Code is "304" or "412" && !c.Headers)
        {
            yield return $"OAL0006 {E}";
        }

        // The {code, type, message} example; the body is "optional".
        if (c.Code == "500" && c.Body)
        {
            yield return $"OAL0007 {I}";
        }
    }

    private static IEnumerable<string> HttpSemantics(Cell c) => Semantics(c, location201: I, recommended: false);

    private static IEnumerable<string> Recommended(Cell c) => Semantics(c, location201: E, recommended: true);

    private static IEnumerable<string> Semantics(Cell c, string location201, bool recommended)
    {
        // "a 200 response should include a response body." (not HEAD: "without any message-body"; not OPTIONS)
        if (c.Code == "200" && !c.Body && c.Method is not ("head" or "options"))
        {
            yield return $"OAL0005 {W}";
        }

        if (c.Code == "200" && c.Body && c.IsHead)
        {
            yield return $"OAL0004 {E}";
        }

        // "should include an indication of the requests current status"; 307 "should contain a short hypertext note"
        // (http-semantics only; never on HEAD).
        if ((c.Code == "202" || (c.Code == "307" && !recommended)) && !c.Body && !c.IsHead)
        {
            yield return $"OAL0005 {W}";
        }

        // 204 "must not include a message-body"; 304 "the response body must be empty".
        if (c.Code is "204" or "304" && c.Body)
        {
            yield return $"OAL0004 {E}";
        }

        if (!c.Headers)
        {
            // Location: 201 "can … given by a location header field" (recommended: 003's "will also include"),
            // 301 "should", 302 "will", 303 "may", 307 "should"; 401 and 405 "must".
            var header = c.Code switch
            {
                "201" => location201,
                "301" or "307" => W,
                "302" or "401" or "405" => E,
                "303" => I,
                _ => null,
            };
            if (header is not null)
            {
                yield return $"OAL0003 {header}";
            }

            // 304 "if-modified-since or if-none-match"; 412 "one or more preconditions in its request headers".
            if (c.Code is "304" or "412")
            {
                yield return $"OAL0006 {E}";
            }
        }
    }

    private static readonly Dictionary<string, Func<Cell, IEnumerable<string>>> Expectations = new()
    {
        ["platform-of-trust"] = PlatformOfTrust,
        ["minimal-codes"] = MinimalCodes,
        ["conditional-requests"] = ConditionalRequests,
        ["http-semantics"] = HttpSemantics,
        ["recommended"] = Recommended,
    };

    private static IEnumerable<TestCaseData> EachBuiltInAndMethod() =>
        from ruleset in Expectations.Keys
        from method in Methods
        select new TestCaseData(ruleset, method).SetName($"{ruleset} {method.ToUpperInvariant()}: every code, with and without body and headers");

    [TestCaseSource(nameof(EachBuiltInAndMethod))]
    public void Findings_and_severities_follow_the_guideline(string name, string method)
    {
        var ruleset = Lint.BuiltIn(name);
        var mismatches = new List<string>();
        var unexplained = new List<string>();
        foreach (var code in Codes)
        {
            foreach (var body in new[] { false, true })
            {
                foreach (var headers in new[] { false, true })
                {
                    var cell = new Cell(method, code, body, headers);
                    var document = Doc.Operation(method, code, body, headers ? ResponseHeaders : null, headers ? RequestHeaders : null);
                    var diagnostics = Lint.Run(document, ruleset);
                    var actual = diagnostics.Select(d => $"{d.RuleId} {d.Severity.ToName()}").Order(StringComparer.Ordinal).ToArray();
                    var expected = Expectations[name](cell).Order(StringComparer.Ordinal).ToArray();
                    if (!actual.SequenceEqual(expected))
                    {
                        mismatches.Add($"{method.ToUpperInvariant()} {code} body={body} headers={headers}: expected [{string.Join(", ", expected)}] but was [{string.Join(", ", actual)}]");
                    }

                    unexplained.AddRange(diagnostics.Where(d => d.Rationale is null || !d.Rationale.Contains('"')).Select(d => $"{method} {code}: {d.RuleId} has no quoted sentence"));
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(unexplained, Is.Empty, "each finding carries the sentence it comes from");
        });
    }
}
