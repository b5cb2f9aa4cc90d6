using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace OpenApiLint.AspNetCore;

/// <summary>A response header the framework sends, to be declared in the document.</summary>
/// <param name="Name">The header (<c>Location</c>).</param>
/// <param name="Description">What it carries, for the document's readers.</param>
public sealed record ResponseHeaderConvention(string Name, string Description);

/// <summary>
/// What OpenApiLint's conventions add to one operation of the generated document, worked out from the endpoint itself
/// (its result types, its authorization, its suppressions) so the document claims only what the endpoint does. The
/// generator integrations (OpenApiLint.AspNetCore.OpenApi, OpenApiLint.Swashbuckle) write it into their object model.
/// </summary>
/// <param name="ResponseHeaders">Status code (<c>"201"</c>) → headers the endpoint sends with it. Only responses the
/// document already has get them: a convention never adds a response.</param>
/// <param name="Ignore">The value of <c>x-openapi-lint-ignore</c>, or <c>null</c> when nothing is suppressed: a list of
/// rule ids, or an object from id to justification when any suppression gives one (an empty string where it gave none).</param>
public sealed record OpenApiLintOperationConventions(
    IReadOnlyDictionary<string, IReadOnlyList<ResponseHeaderConvention>> ResponseHeaders,
    JsonNode? Ignore)
{
    /// <summary>The extension the linter reads suppressions from.</summary>
    public const string IgnoreExtensionName = "x-openapi-lint-ignore";

    internal static readonly ResponseHeaderConvention Location = new("Location", "The URL of the resource the request created or of the status of the work it started.");

    /// <summary>The conventions for the endpoint <paramref name="description"/> documents.</summary>
    /// <param name="description">The endpoint as ApiExplorer describes it to the generator.</param>
    /// <param name="services">The application's services: its authentication schemes and authorization options.</param>
    public static OpenApiLintOperationConventions For(ApiDescription description, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(services);

        var headers = new Dictionary<string, List<ResponseHeaderConvention>>(StringComparer.Ordinal);
        void Add(int status, ResponseHeaderConvention header)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!headers.TryGetValue(key, out var list))
            {
                headers[key] = list = [];
            }

            list.Add(header);
        }

        foreach (var status in LocationResults.StatusCodesSettingLocation(description.ActionDescriptor))
        {
            Add(status, Location);
        }

        if (Challenges.WwwAuthenticate(description.ActionDescriptor, services) is { } challenge)
        {
            Add(401, new ResponseHeaderConvention("WWW-Authenticate", $"The authentication scheme to retry with ({challenge})."));
        }

        return new OpenApiLintOperationConventions(
            headers.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<ResponseHeaderConvention>)entry.Value, StringComparer.Ordinal),
            IgnoreValue(description.ActionDescriptor.EndpointMetadata ?? []));
    }

    private static JsonNode? IgnoreValue(IEnumerable<object> metadata)
    {
        // One entry per rule; a later justification (the action's, after its controller's) wins over an earlier one.
        var ignores = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var ignore in metadata.OfType<OpenApiLintIgnoreAttribute>())
        {
            ignores[ignore.RuleId] = ignore.Justification ?? (ignores.TryGetValue(ignore.RuleId, out var earlier) ? earlier : null);
        }

        if (ignores.Count == 0)
        {
            return null;
        }

        var ids = ignores.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        if (ignores.Values.All(string.IsNullOrWhiteSpace))
        {
            return new JsonArray([.. ids.Select(id => (JsonNode)JsonValue.Create(id))]);
        }

        var justified = new JsonObject();
        foreach (var id in ids)
        {
            justified[id] = ignores[id] ?? "";
        }

        return justified;
    }
}
