using Microsoft.OpenApi;
using OpenApiLint.AspNetCore.Generators;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace OpenApiLint.Swashbuckle;

/// <summary>
/// Declares the headers each endpoint really sends (Location on created and accepted results, WWW-Authenticate on
/// 401 under bearer schemes) and writes its <c>[OpenApiLintIgnore]</c> suppressions as <c>x-openapi-lint-ignore</c>.
/// </summary>
/// <param name="services">The application's services (Swashbuckle creates filters from them).</param>
public sealed class OpenApiLintOperationFilter(IServiceProvider services) : IOperationFilter
{
    /// <inheritdoc />
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        OperationConventionWriter.Apply(operation, context.ApiDescription, services);
    }
}
