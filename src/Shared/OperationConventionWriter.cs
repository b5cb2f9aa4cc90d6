using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using OpenApiLint.AspNetCore;

// Compiled into each generator integration against the Microsoft.OpenApi that generator ships with (2.x for
// Microsoft.AspNetCore.OpenApi 10, 3.x for Swashbuckle 11): the object model used here is the same in both.
namespace OpenApiLint.AspNetCore.Generators;

/// <summary>Writes <see cref="OpenApiLintOperationConventions"/> into a generated operation.</summary>
internal static class OperationConventionWriter
{
    public static void Apply(OpenApiOperation operation, ApiDescription description, IServiceProvider services)
    {
        var conventions = OpenApiLintOperationConventions.For(description, services);
        foreach (var (status, headers) in conventions.ResponseHeaders)
        {
            // Only responses the generator documented, and only inline ones: a shared $ref response is not this
            // endpoint's to change.
            if (operation.Responses?.TryGetValue(status, out var declared) != true || declared is not OpenApiResponse response)
            {
                continue;
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            foreach (var header in headers)
            {
                if (!response.Headers.Keys.Any(name => string.Equals(name, header.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    response.Headers[header.Name] = new OpenApiHeader
                    {
                        Description = header.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
        }

        if (conventions.Ignore is { } ignore)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            operation.Extensions[OpenApiLintOperationConventions.IgnoreExtensionName] = new JsonNodeExtension(ignore.DeepClone());
        }
    }
}
