using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.SourceLocations;

/// <summary>One status code as the C# declares it.</summary>
/// <param name="StatusCode">The code; 0 when the expression could not be resolved to one.</param>
/// <param name="Location">The expression that names the code (the argument, the type, the returned result).</param>
internal sealed record ResponseDeclaration(int StatusCode, SourceLocation Location);

/// <summary>
/// One endpoint found in the C#: a minimal-API route handler or a controller action.
/// </summary>
/// <param name="Methods">Upper-case HTTP methods; <c>null</c> when they cannot be known from the source.</param>
/// <param name="Routes">Normalized route templates (see <see cref="RouteTemplates.Normalize"/>); <c>null</c> when unknown.</param>
/// <param name="Location">The declaration: the <c>MapGet</c>-like call's name, or the action method's name.</param>
/// <param name="Responses">Codes the endpoint itself declares.</param>
/// <param name="InheritedResponses">Codes declared for every action of a controller, used where the action declares none of its own for that code.</param>
/// <param name="Ignored">Left out of the OpenAPI document (<c>[ApiExplorerSettings(IgnoreApi = true)]</c>, <c>ExcludeFromDescription()</c>).</param>
internal sealed record Endpoint(
    IReadOnlyList<string>? Methods,
    IReadOnlyList<string>? Routes,
    SourceLocation Location,
    IReadOnlyList<ResponseDeclaration> Responses,
    IReadOnlyList<ResponseDeclaration> InheritedResponses,
    bool Ignored)
{
    /// <summary>Whether the generators document it as answering <paramref name="method"/> at <paramref name="route"/> (or might).</summary>
    public bool MayMatch(string method, string route) =>
        (Methods is null || Methods.Contains(method, StringComparer.Ordinal)) && (Routes is null || Routes.Contains(route, StringComparer.Ordinal));

    /// <summary>Whether the method and the route are both known.</summary>
    public bool IsKnown => Methods is not null && Routes is not null;
}
