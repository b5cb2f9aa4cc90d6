using Microsoft.AspNetCore.Builder;

namespace OpenApiLint.AspNetCore;

/// <summary>Suppressions for minimal API endpoints and route groups.</summary>
public static class OpenApiLintEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Suppresses <paramref name="ruleId"/> for the endpoint (or every endpoint of the group): the same as
    /// <c>[OpenApiLintIgnore(ruleId, Justification = justification)]</c> on a handler or action.
    /// </summary>
    public static TBuilder OpenApiLintIgnore<TBuilder>(this TBuilder builder, string ruleId, string? justification = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new OpenApiLintIgnoreAttribute(ruleId) { Justification = justification };
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
