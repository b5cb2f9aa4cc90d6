using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Guidelines;

/// <summary>
/// A hold-out set written from the guideline sentences, not from the rulesets: every method (GET HEAD POST PUT PATCH
/// DELETE OPTIONS TRACE) × every status code a guideline names or an API commonly declares × four shapes of response
/// (bare; with a body; with the headers and precondition parameters but no body; with both), checked under all five
/// built-ins. The expected findings and severities below are each built-in's guideline read sentence by sentence
/// (verbs: must / must not / will → error, should / try → warning, can / may / preferably → info; a code outside an
/// allowed list is an error in every built-in). Where a sentence is ambiguous, the reading the ruleset's rationale
/// records is the one expected here, and the comment says so.
/// </summary>
[TestFixture]
public sealed class HoldOutTests
{
    private static readonly string[] Methods = ["get", "head", "post", "put", "patch", "delete", "options", "trace"];

    private static readonly string[] Codes =
    [
        "100", "101", "200", "201", "202", "203", "204", "205", "206", "300", "301", "302", "303", "304", "307", "308",
        "400", "401", "403", "404", "405", "406", "409", "410", "412", "415", "422", "428", "429", "500", "501", "503",
    ];

    /// <summary>A response's shape: with a body (whose schema has the error properties code, type, message) or none; with
    /// the headers Location, WWW-Authenticate, Allow and Retry-After and, on its operation, the precondition request
    /// headers If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, or none.
    /// <c>Refs</c>: the same as <c>/full</c> written another way: the headers in lower case and by <c>$ref</c>, the
    /// parameters on the path item and by <c>$ref</c>, the body schema by <c>$ref</c> (OpenAPI 3 only).</summary>
    /// <c>Shared</c>: every response is a <c>$ref</c> to one in <c>components.responses</c> of the shape given (OpenAPI 3 only).
    private sealed record Shape(string Path, bool Body, bool Headers, bool Refs = false, bool Shared = false);

    private static readonly Shape[] Shapes =
    [
        new("/bare", Body: false, Headers: false),
        new("/body", Body: true, Headers: false),
        new("/headers", Body: false, Headers: true),
        new("/full", Body: true, Headers: true),
        new("/refs", Body: true, Headers: true, Refs: true),
        new("/shared-bare", Body: false, Headers: false, Shared: true),
        new("/shared-body", Body: true, Headers: false, Shared: true),
    ];

    private static Shape[] ShapesOf(string version) => version == "2.0" ? [.. Shapes.Where(shape => !shape.Refs && !shape.Shared)] : Shapes;

    /// <summary>What the guideline asks of one response: "RULE severity" entries.</summary>
    private delegate IEnumerable<string> Reading(string method, string code, Shape shape);

    private static bool IsError(string code) => code[0] is '4' or '5';

    // ---- Platform of Trust, "Response codes used" -------------------------------------------------------------------
    // "Platform of Trust APIs use the following HTTP codes in responses.": 200, 201, 204, 304, 400, 401, 403, 404, 500,
    // 503, for every method's responses. "200 OK successful response for GET, PUT and POST." "201 Created a new resource
    // instance was successfully created with POST method." 304 "indicates that the client has the response already in
    // its cache" (a retrieval: GET, and HEAD, a GET without the body). "The reason of failure must also be specified."
    // (must: every 4xx/5xx carries a body, except on HEAD, which never has one). 204 "no content was returned" and 304
    // "no need to transfer the same data again": no body (statements of what they are: error).
    // Ambiguous, reading of the ruleset: 200's method list is as binding as 201's, so DELETE, PATCH, OPTIONS and TRACE
    // do not get 200; HEAD gets GET's codes.
    private static IEnumerable<string> PlatformOfTrust(string method, string code, Shape shape)
    {
        string[] errors = ["400", "401", "403", "404", "500", "503"];
        string[] allowed = method switch
        {
            "get" or "head" => ["200", "204", "304", .. errors],
            "post" => ["200", "201", "204", .. errors],
            "put" => ["200", "204", .. errors],
            _ => ["204", .. errors],
        };
        if (!allowed.Contains(code))
        {
            yield return "OAL0001 error";
        }

        if (code is "204" or "304" && shape.Body)
        {
            yield return "OAL0004 error";
        }

        if (IsError(code) && !shape.Body && method != "head")
        {
            yield return "OAL0005 error";
        }
    }

    // ---- "HTTP Status Response Codes" -----------------------------------------------------------------------------
    // The GET/POST/PUT/PATCH/DELETE × code table ("you should try to use only status codes marked with X": an error, the
    // product's one exception to the verbs). HEAD has no column: it is a GET without the body, so GET's column
    // (ambiguous; the ruleset's reading). OPTIONS and TRACE have no column: any code the table marks for some method,
    // none it marks for no method (ambiguous; the ruleset's reading).
    // "200 should be returned after a successful execution, when there is a need for content in the response." (should:
    // warning; DELETE's "200 can be returned …": info; OPTIONS retrieves nothing: none; HEAD never has a body.)
    // "The response body should contain a resource identifier to the created resource." (201: warning)
    // "500 should be returned when the server encounters some unexpected error, preferably along with an errors object."
    // (preferably: info). 204 "No Content": a 204 with a body is an error (reading recorded in the ruleset).
    private static IEnumerable<string> MinimalCodes(string method, string code, Shape shape)
    {
        string[] allowed = method switch
        {
            "get" or "head" => ["200", "401", "403", "404", "500"],
            "post" => ["201", "400", "401", "403", "500"],
            "put" or "patch" => ["200", "204", "400", "401", "403", "404", "500"],
            "delete" => ["200", "204", "401", "403", "500"],
            _ => ["200", "201", "204", "400", "401", "403", "404", "500"],
        };
        if (!allowed.Contains(code))
        {
            yield return "OAL0001 error";
        }

        if (!shape.Body && method != "head")
        {
            switch (code)
            {
                case "200" when method == "delete":
                    yield return "OAL0005 info";
                    break;
                case "200" when method != "options":
                case "201":
                    yield return "OAL0005 warning";
                    break;
                case "500":
                    yield return "OAL0005 info";
                    break;
            }
        }

        if (code == "204" && shape.Body)
        {
            yield return "OAL0004 error";
        }
    }

    // ---- "Response Codes" / "Required Response Codes" ------------------------------------------------------------
    // "The following response codes must be used when responding to requests.": 200, 201, 204, 304, 400, 401, 403, 404,
    // 409, 412, 500, for every request, HEAD, OPTIONS and TRACE included. 201 "Returned after a successful POST." (POST
    // only; and a successful POST answers 201, not 200 "when a response contains a body" nor 204: the ruleset's reading
    // of "A POST response will not contain a body.") "The response from a POST will also include a location in the
    // header" (will: error). "A POST response will not contain a body." (201: error). 200 "Returned after a successful
    // operation when a response contains a body." (error; never asked of HEAD). 204 "does not return an entity body",
    // 401 and 404 "The response will not contain a body." (errors). 304 "the client includes the “If-None-Match” header";
    // 412 "an “If-Match” header pre-condition fails" (errors). 500's body is optional, its shape {code, type, message} an
    // example (info, and only when a body is declared).
    private static IEnumerable<string> ConditionalRequests(string method, string code, Shape shape)
    {
        string[] allowed = method == "post"
            ? ["201", "304", "400", "401", "403", "404", "409", "412", "500"]
            : ["200", "204", "304", "400", "401", "403", "404", "409", "412", "500"];
        if (!allowed.Contains(code))
        {
            yield return "OAL0001 error";
        }

        if (code == "200" && !shape.Body && method != "head")
        {
            yield return "OAL0005 error";
        }

        if (code == "201" && !shape.Headers)
        {
            yield return "OAL0003 error";
        }

        if (code is "201" or "204" or "401" or "404" && shape.Body)
        {
            yield return "OAL0004 error";
        }

        if (code is "304" or "412" && !shape.Headers)
        {
            yield return "OAL0006 error";
        }

        // The body this set declares has code, type and message: OAL0007 never applies here (its own tests cover it).
    }

    // ---- "Rest specific http status codes" ------------------------------------------------------------------------
    // No code is restricted (the guideline says what each code means, not which a method may use).
    // "Unlike the 204 status code, a 200 response should include a response body." (warning), except "head … without any
    // message-body" (a HEAD 200 with a body: error) and OPTIONS, which the method list leaves out (ambiguous; the
    // ruleset's reading: nothing expected). 201 "… given by a location header field." within "can be referenced"
    // (info). 202 "should include an indication of the requests current status" (warning). "The 204 response must not
    // include a message-body" (error). 301 "should specify the new uri in the responses location header" (warning). 302
    // "will additionally provide a url in the location header field" (error). 303 "the client may send a get request to
    // the value of the location header" (info). 304 "the response body must be empty" (error) and "the request headers
    // if-modified-since or if-none-match" (error). 307 "The temporary uri should be given by the location field"
    // (warning) and "Unless the request method was head, the entity of the response should contain a short hypertext
    // note" (warning). 401 "must include a www-authenticate header field" (error). 405 "must include the allow header"
    // (error). 412 "the client specified one or more preconditions in its request headers" (error).
    private static IEnumerable<string> HttpSemantics(string method, string code, Shape shape) =>
        Semantics(method, code, shape, createdLocation: "info", temporaryRedirectNote: true);

    // ---- recommended: the checks the others support and none contradicts -------------------------------------------
    // As "Rest specific http status codes", with 201's Location at the strongest verb that cites it ("will include a
    // location in the header", “Response Codes”: error), and no 307 hypertext note (aimed at browsers). No method
    // restricted, no error body asked (the guidelines disagree there).
    private static IEnumerable<string> Recommended(string method, string code, Shape shape) =>
        Semantics(method, code, shape, createdLocation: "error", temporaryRedirectNote: false);

    private static IEnumerable<string> Semantics(string method, string code, Shape shape, string createdLocation, bool temporaryRedirectNote)
    {
        var head = method == "head";
        if (code == "200" && shape.Body && head)
        {
            yield return "OAL0004 error";
        }

        if (code == "200" && !shape.Body && !head && method != "options")
        {
            yield return "OAL0005 warning";
        }

        if (code == "202" && !shape.Body && !head)
        {
            yield return "OAL0005 warning";
        }

        if (code == "307" && temporaryRedirectNote && !shape.Body && !head)
        {
            yield return "OAL0005 warning";
        }

        if (code is "204" or "304" && shape.Body)
        {
            yield return "OAL0004 error";
        }

        if (!shape.Headers)
        {
            var location = code switch
            {
                "201" => createdLocation,
                "301" or "307" => "warning",
                "302" => "error",
                "303" => "info",
                _ => null,
            };
            if (location is not null)
            {
                yield return $"OAL0003 {location}";
            }

            if (code is "401" or "405")
            {
                yield return "OAL0003 error";
            }

            if (code is "304" or "412")
            {
                yield return "OAL0006 error";
            }
        }
    }

    private static readonly (string Name, Reading Reading)[] BuiltIns =
    [
        ("platform-of-trust", PlatformOfTrust),
        ("minimal-codes", MinimalCodes),
        ("conditional-requests", ConditionalRequests),
        ("http-semantics", HttpSemantics),
        ("recommended", Recommended),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from builtIn in BuiltIns
        from version in new[] { "3.0.3", "3.1.0", "2.0" }
        select new TestCaseData(builtIn.Name, version).SetName($"Hold_out_{builtIn.Name.Replace('-', '_')}_{version.Replace('.', '_')}");

    [TestCaseSource(nameof(Cases))]
    public void Every_response_gets_what_its_guideline_says(string builtIn, string version)
    {
        var reading = BuiltIns.Single(entry => entry.Name == builtIn).Reading;
        // Swagger 2.0 has no TRACE.
        var methods = version == "2.0" ? Methods.Where(method => method != "trace").ToArray() : Methods;
        var document = Lint.Load(version == "2.0" ? Swagger2(methods) : OpenApi3(methods, version), "holdout.json");

        var actual = new Linter().Lint(document, Lint.BuiltIn(builtIn))
            .Where(diagnostic => diagnostic.RuleId != "OAL0008")
            .Select(diagnostic => $"{diagnostic.Method!.ToUpperInvariant()} {diagnostic.Path} {diagnostic.StatusCode} {diagnostic.RuleId} {diagnostic.Severity.ToName()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        var expected = (
            from shape in ShapesOf(version)
            from method in methods
            from code in Codes
            from finding in reading(method, code, shape)
            select $"{method.ToUpperInvariant()} {shape.Path} {code} {finding}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var missing = expected.Except(actual).ToArray();
        var extra = actual.Except(expected).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, $"{builtIn} ({version}) does not report what its guideline says");
            Assert.That(extra, Is.Empty, $"{builtIn} ({version}) reports what its guideline does not say");
            Assert.That(actual, Has.Length.EqualTo(expected.Length));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Only_minimal_codes_limits_the_number_of_distinct_codes(string builtIn, string version)
    {
        var methods = version == "2.0" ? Methods.Where(method => method != "trace").ToArray() : Methods;
        var document = Lint.Load(version == "2.0" ? Swagger2(methods) : OpenApi3(methods, version), "holdout.json");

        var distinct = new Linter().Lint(document, Lint.BuiltIn(builtIn)).Where(diagnostic => diagnostic.RuleId == "OAL0008").Select(d => d.Severity.ToName());

        // "Try to minimize the number of HTTP status codes a REST API returns." (try: warning), eight being the table's.
        Assert.That(distinct, Is.EqualTo(builtIn == "minimal-codes" ? new[] { "warning" } : Array.Empty<string>()));
    }

    private static string OpenApi3(IReadOnlyList<string> methods, string version)
    {
        var json = new StringBuilder($$"""{"openapi":"{{version}}","info":{"title":"hold-out","version":"1"},"paths":{""");
        json.AppendJoin(',', Shapes.Select(shape =>
        {
            var parameterList = shape.Refs
                ? string.Join(',', Preconditions.Select(name => $"{{\"$ref\":\"#/components/parameters/{name}\"}}"))
                : string.Join(',', Preconditions.Select(name => $"{{\"name\":\"{name}\",\"in\":\"header\",\"schema\":{{\"type\":\"string\"}}}}"));
            var parameters = shape.Headers ? $"\"parameters\":[{parameterList}]," : "";
            var headerList = shape.Refs
                ? string.Join(',', ResponseHeaders.Select(name => $"\"{name.ToLowerInvariant()}\":{{\"$ref\":\"#/components/headers/{name}\"}}"))
                : string.Join(',', ResponseHeaders.Select(name => $"\"{name}\":{{\"schema\":{{\"type\":\"string\"}}}}"));
            var headers = shape.Headers ? $",\"headers\":{{{headerList}}}" : "";
            var schema = shape.Refs ? """{"$ref":"#/components/schemas/Error"}""" : ErrorSchema;
            var body = shape.Body ? ",\"content\":{\"application/json\":{\"schema\":" + schema + "}}" : "";
            var responses = shape.Shared
                ? string.Join(',', Codes.Select(code => $"\"{code}\":{{\"$ref\":\"#/components/responses/{(shape.Body ? "WithBody" : "Bare")}\"}}"))
                : string.Join(',', Codes.Select(code => $"\"{code}\":{{\"description\":\"d\"{headers}{body}}}"));
            var operations = methods.Select(method => shape.Refs ? $"\"{method}\":{{\"responses\":{{{responses}}}}}" : $"\"{method}\":{{{parameters}\"responses\":{{{responses}}}}}");
            var pathParameters = shape.Refs ? parameters : "";
            return $"\"{shape.Path}\":{{{pathParameters}{string.Join(',', operations)}}}";
        }));
        json.Append("},\"components\":{\"schemas\":{\"Error\":").Append(ErrorSchema).Append("},\"parameters\":{");
        json.AppendJoin(',', Preconditions.Select(name => $"\"{name}\":{{\"name\":\"{name}\",\"in\":\"header\",\"schema\":{{\"type\":\"string\"}}}}"));
        json.Append("},\"responses\":{\"Bare\":{\"description\":\"d\"},\"WithBody\":{\"description\":\"d\",\"content\":{\"application/json\":{\"schema\":").Append(ErrorSchema).Append("}}}");
        json.Append("},\"headers\":{");
        json.AppendJoin(',', ResponseHeaders.Select(name => $"\"{name}\":{{\"schema\":{{\"type\":\"string\"}}}}"));
        return json.Append("}}}").ToString();
    }

    private static string Swagger2(IReadOnlyList<string> methods)
    {
        var json = new StringBuilder("""{"swagger":"2.0","info":{"title":"hold-out","version":"1"},"produces":["application/json"],"paths":{""");
        json.AppendJoin(',', ShapesOf("2.0").Select(shape =>
        {
            var parameters = shape.Headers ? $"\"parameters\":[{string.Join(',', Preconditions.Select(name => $"{{\"name\":\"{name}\",\"in\":\"header\",\"type\":\"string\"}}"))}]," : "";
            var headers = shape.Headers ? $",\"headers\":{{{string.Join(',', ResponseHeaders.Select(name => $"\"{name}\":{{\"type\":\"string\"}}"))}}}" : "";
            var body = shape.Body ? ",\"schema\":" + ErrorSchema : "";
            var responses = string.Join(',', Codes.Select(code => $"\"{code}\":{{\"description\":\"d\"{headers}{body}}}"));
            return $"\"{shape.Path}\":{{{string.Join(',', methods.Select(method => $"\"{method}\":{{{parameters}\"responses\":{{{responses}}}}}"))}}}";
        }));
        return json.Append("}}").ToString();
    }

    private static readonly string[] Preconditions = ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"];

    private static readonly string[] ResponseHeaders = ["Location", "WWW-Authenticate", "Allow", "Retry-After"];

    private const string ErrorSchema = """{"type":"object","properties":{"code":{"type":"integer"},"type":{"type":"string"},"message":{"type":"string"}}}""";
}
