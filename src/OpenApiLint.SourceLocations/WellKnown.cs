namespace OpenApiLint.SourceLocations;

/// <summary>
/// The ASP.NET Core names the locator recognizes, resolved once (as ASP.NET Core's own analyzers keep their
/// well-known types): endpoint methods, response metadata and the status code each typed result declares.
/// </summary>
internal static class WellKnown
{
    /// <summary>The route-handler methods and the HTTP method each maps (<c>MapMethods</c> names its own).</summary>
    public static IReadOnlyDictionary<string, string?> MapMethods { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET",
        ["MapPost"] = "POST",
        ["MapPut"] = "PUT",
        ["MapPatch"] = "PATCH",
        ["MapDelete"] = "DELETE",
        ["MapMethods"] = null,
    };

    /// <summary>
    /// Whether a call named <paramref name="name"/> on a route group maps something on it (an endpoint, a group, a hub,
    /// health checks…) and so returns another builder, whose conventions are not the group's. ASP.NET Core and the
    /// libraries around it name those <c>Map…</c> (as the project's own mapping extensions usually are); the
    /// conventions named so are not.
    /// </summary>
    public static bool MapsOnRouteBuilder(string name) =>
        name.StartsWith("Map", StringComparison.Ordinal) && !ConventionsNamedMap.Contains(name);

    /// <summary>
    /// Endpoint conventions (extensions of <c>IEndpointConventionBuilder</c> returning it) whose names start with
    /// <c>Map</c>: ASP.NET API Versioning's <c>MapToApiVersion</c>.
    /// </summary>
    private static readonly HashSet<string> ConventionsNamedMap = new(StringComparer.Ordinal) { "MapToApiVersion" };

    /// <summary>MVC's verb attributes (without the <c>Attribute</c> suffix).</summary>
    public static IReadOnlyDictionary<string, string> HttpMethodAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HttpGet"] = "GET",
        ["HttpPost"] = "POST",
        ["HttpPut"] = "PUT",
        ["HttpPatch"] = "PATCH",
        ["HttpDelete"] = "DELETE",
        ["HttpHead"] = "HEAD",
        ["HttpOptions"] = "OPTIONS",
    };

    /// <summary>
    /// The types of <c>Microsoft.AspNetCore.Http.HttpResults</c> that describe their status code to the OpenAPI
    /// generators (they provide endpoint metadata), by simple name.
    /// </summary>
    public static IReadOnlyDictionary<string, int> TypedResultTypes { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Ok"] = 200,
        ["Created"] = 201,
        ["CreatedAtRoute"] = 201,
        ["Accepted"] = 202,
        ["AcceptedAtRoute"] = 202,
        ["NoContent"] = 204,
        ["BadRequest"] = 400,
        ["ValidationProblem"] = 400,
        ["NotFound"] = 404,
        ["Conflict"] = 409,
        ["UnprocessableEntity"] = 422,
        ["InternalServerError"] = 500,
    };

    /// <summary>The factory methods of <c>TypedResults</c> that return those types.</summary>
    public static IReadOnlyDictionary<string, int> TypedResultFactories => TypedResultTypes;

    /// <summary>
    /// The <c>Microsoft.AspNetCore.Http.StatusCodes</c> constants are named after their value
    /// (<c>Status404NotFound</c>): their code, for a project whose references are not known.
    /// </summary>
    public static int? StatusCodesConstant(string name)
    {
        if (name.Length < 9 || !name.StartsWith("Status", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = name.AsSpan(6, 3);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599 ? code : null;
    }

    /// <summary>The <c>HttpMethods</c> fields (<c>HttpMethods.Get</c>), which are read-only fields, not constants.</summary>
    public static string? HttpMethodsField(string name) => name switch
    {
        "Get" or "Post" or "Put" or "Patch" or "Delete" or "Head" or "Options" or "Trace" or "Connect" => name.ToUpperInvariant(),
        _ => null,
    };
}
