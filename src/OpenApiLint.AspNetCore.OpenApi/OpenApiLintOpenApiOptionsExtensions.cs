using Microsoft.AspNetCore.OpenApi;

namespace OpenApiLint.AspNetCore.OpenApi;

/// <summary>The one line that makes Microsoft.AspNetCore.OpenApi's document say what the endpoints do.</summary>
public static class OpenApiLintOpenApiOptionsExtensions
{
    /// <summary>
    /// Adds <see cref="OpenApiLintOperationTransformer"/>:
    /// <c>builder.Services.AddOpenApi(options =&gt; options.AddOpenApiLintConventions());</c>
    /// </summary>
    public static OpenApiOptions AddOpenApiLintConventions(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddOperationTransformer(new OpenApiLintOperationTransformer());
    }
}
