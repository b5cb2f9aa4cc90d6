using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.BuiltIns;

/// <summary>
/// <c>http-semantics</c> against guideline 004 ("Rest specific http status codes"): the header and body semantics it
/// gives each code. It restricts no method's codes.
/// </summary>
[TestFixture]
public sealed class HttpSemanticsTests
{
    private const string Name = "http-semantics";

    private static readonly string[] AllMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Test]
    public void No_method_has_a_code_list()
    {
        foreach (var method in AllMethods)
        {
            foreach (var code in new[] { "200", "202", "409", "418", "501" })
            {
                Assert.That(Lint.Run(Doc.Operation(method, code), Lint.BuiltIn(Name), RuleIds.StatusCodeNotAllowed), Is.Empty, $"{method} {code}");
            }
        }
    }

    private static IEnumerable<TestCaseData> Requirements()
    {
        TestCaseData Case(string name, string document, params string[] expected) => new TestCaseData(document, expected).SetName(name);
        string[] location = ["Location"];

        // "Unlike the 204 status code, a 200 response should include a response body."
        yield return Case("200 without body", Doc.Operation("get", "200", body: false),
            "8:9 OAL0005 warning GET /orders 200 response declares no body; http-semantics expects a body on 200");
        yield return Case("200 with body", Doc.Operation("post", "200"));
        // "head the entity-header fields ... are sent in the response without any message-body;"
        yield return Case("HEAD 200 with body", Doc.Operation("head", "200"),
            "11:11 OAL0004 error HEAD /orders 200 response declares a body (application/json); http-semantics forbids a body on 200");
        yield return Case("HEAD 200 without body", Doc.Operation("head", "200", body: false));

        // "... with the most specific uri for the resource given by a location header field."
        yield return Case("201 without Location", Doc.Operation("post", "201"),
            "8:9 OAL0003 info POST /orders 201 response does not declare the Location header; http-semantics requires Location on 201");
        yield return Case("201 with Location, body free", Doc.Operation("post", "201", body: false, responseHeaders: location));

        // "The entity returned with this response should include an indication of the requests current status ..."
        yield return Case("202 without body", Doc.Operation("post", "202", body: false),
            "8:9 OAL0005 warning POST /orders 202 response declares no body; http-semantics expects a body on 202");
        yield return Case("202 with body", Doc.Operation("post", "202"));

        // "The 204 response must not include a message-body ..."
        yield return Case("204 with body", Doc.Operation("put", "204"),
            "11:11 OAL0004 error PUT /orders 204 response declares a body (application/json); http-semantics forbids a body on 204");
        yield return Case("204 without body", Doc.Operation("put", "204", body: false));

        // 301 "should specify", 302 "will additionally provide", 303 "may send a get request to the value of the location header".
        foreach (var (code, severity) in new[] { ("301", "warning"), ("302", "error"), ("303", "info") })
        {
            yield return Case($"{code} without Location", Doc.Operation("get", code, body: false),
                $"8:9 OAL0003 {severity} GET /orders {code} response does not declare the Location header; http-semantics requires Location on {code}");
            yield return Case($"{code} with Location", Doc.Operation("get", code, body: false, responseHeaders: location));
        }

        // "this status code is similar to 204 (no content) in that the response body must be empty." and
        // "... specified by the request headers if-modified-since or if-none-match."
        yield return Case("304 with body and no conditional header", Doc.Operation("get", "304"),
            "8:9 OAL0006 error GET /orders declares 304 but accepts no If-Modified-Since or If-None-Match request header; http-semantics requires If-Modified-Since or If-None-Match for 304",
            "11:11 OAL0004 error GET /orders 304 response declares a body (application/json); http-semantics forbids a body on 304");
        yield return Case("304 with If-Modified-Since", Doc.Operation("get", "304", body: false, requestHeaders: ["If-Modified-Since"]));
        yield return Case("304 with If-None-Match", Doc.Operation("get", "304", body: false, requestHeaders: ["If-None-Match"]));

        // "The temporary uri should be given by the location field in the response. Unless the request method was
        // head, the entity of the response should contain a short hypertext note ..."
        yield return Case("307 without Location nor body", Doc.Operation("post", "307", body: false),
            "8:9 OAL0003 warning POST /orders 307 response does not declare the Location header; http-semantics requires Location on 307",
            "8:9 OAL0005 warning POST /orders 307 response declares no body; http-semantics expects a body on 307");
        yield return Case("307 with Location and body", Doc.Operation("post", "307", responseHeaders: location));
        yield return Case("HEAD 307 needs no body", Doc.Operation("head", "307", body: false, responseHeaders: location));

        // "The response must include a www-authenticate header field ..."
        yield return Case("401 without WWW-Authenticate", Doc.Operation("get", "401"),
            "8:9 OAL0003 error GET /orders 401 response does not declare the WWW-Authenticate header; http-semantics requires WWW-Authenticate on 401");
        yield return Case("401 with www-authenticate", Doc.Operation("get", "401", responseHeaders: ["www-authenticate"]));

        // "A 405 response must include the allow header ..."
        yield return Case("405 without Allow", Doc.Operation("delete", "405", body: false),
            "8:9 OAL0003 error DELETE /orders 405 response does not declare the Allow header; http-semantics requires Allow on 405");
        yield return Case("405 with Allow", Doc.Operation("delete", "405", body: false, responseHeaders: ["Allow"]));

        // "the 412 error response indicates that the client specified one or more preconditions in its request headers"
        yield return Case("412 without precondition header", Doc.Operation("put", "412"),
            "8:9 OAL0006 error PUT /orders declares 412 but accepts no If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since or If-Range request header; http-semantics requires If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since or If-Range for 412");
        yield return Case("412 with If-Unmodified-Since", Doc.Operation("put", "412", requestHeaders: ["If-Unmodified-Since"]));

        // Not encoded: 406/415 refer to Accept/Content-Type, 303's body is not forbidden.
        yield return Case("406 and 415", Doc.Operation("post", "406", body: false) );
        yield return Case("303 with body", Doc.Operation("post", "303", responseHeaders: location));
        yield return Case("500 without body", Doc.Operation("get", "500", body: false));
    }

    [TestCaseSource(nameof(Requirements))]
    public void Header_body_and_precondition_requirements(string document, string[] expected)
    {
        Assert.That(Lint.Lines(Lint.Run(document, Lint.BuiltIn(Name))), Is.EqualTo(expected));
    }
}
