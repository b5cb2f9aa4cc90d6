using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenApiLint.AspNetCore.Generators;

namespace OpenApiLint.AspNetCore.OpenApi;

/// <summary>
/// Declares the headers each endpoint really sends (Location on created and accepted results, WWW-Authenticate on
/// 401 under bearer schemes) and writes its <c>[OpenApiLintIgnore]</c> suppressions as <c>x-openapi-lint-ignore</c>.
/// </summary>
public sealed class OpenApiLintOperationTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        OperationConventionWriter.Apply(operation, context.Description, context.ApplicationServices);
        return Task.CompletedTask;
    }
}
