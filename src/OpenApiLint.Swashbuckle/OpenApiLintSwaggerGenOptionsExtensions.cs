using Microsoft.Extensions.DependencyInjection;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace OpenApiLint.Swashbuckle;

/// <summary>The one line that makes Swashbuckle's document say what the endpoints do.</summary>
public static class OpenApiLintSwaggerGenOptionsExtensions
{
    /// <summary>
    /// Adds <see cref="OpenApiLintOperationFilter"/>:
    /// <c>builder.Services.AddSwaggerGen(c =&gt; c.AddOpenApiLintConventions());</c>
    /// </summary>
    public static SwaggerGenOptions AddOpenApiLintConventions(this SwaggerGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OperationFilter<OpenApiLintOperationFilter>();
        return options;
    }
}
