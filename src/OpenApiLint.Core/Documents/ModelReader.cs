using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Hands the bundler's tree to Microsoft.OpenApi and builds the rules' operations from what it reads: the shared
/// responses and parameters in one document of their own, the paths in parts of <see cref="PathItemsPerPart"/> path
/// items each, read on as many threads as there are cores, each part turned into operations and let go before the end.
/// </summary>
/// <remarks>
/// The reader never holds the whole document's model, and each part is small: a part's objects die young, where one
/// model of a 22,000-operation document survived every collection while it was read. A part names the components by
/// <c>$ref</c> as the whole tree did; the builder takes what the components document gave for them, by name, which is
/// what it did before (it resolved each shared response and parameter once). The reader's own pass over the paths of
/// a document with components (which finds schema anchors; the slice has no schemas) finds nothing to do in a part.
/// </remarks>
internal static class ModelReader
{
    /// <summary>Path items per part: small enough to keep a part's model short-lived, large enough that parts cost nothing.</summary>
    public const int PathItemsPerPart = 512;

    /// <summary>What the reader is told: no validation, no fetching.</summary>
    public static readonly OpenApiReaderSettings Settings = new()
    {
        // The reader's validation costs more than the whole lint on large documents, and its findings are not ours.
        RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
        LoadExternalRefs = false,
    };

    /// <summary>
    /// Reads <paramref name="tree"/> (taken apart on the way: its paths are handed on in parts) into the operations of
    /// its paths, webhooks and callbacks, or the reader's first error when it reads no document.
    /// </summary>
    public static (ApiModelBuilder.ModelPart? Model, string? Error) Read(
        JsonObject tree, string specVersion, string file, IReadOnlyList<IReadOnlySet<string>> bodySets, string webhooksMember)
    {
        var location = new Uri(Path.GetFullPath(file));
        var isSwagger2 = specVersion == "2.0";

        // What every part carries: the version, info, Swagger 2.0's global produces.
        var componentMembers = isSwagger2 ? new[] { "responses", "parameters" } : ["components"];
        var paths = Detach(tree, "paths");
        var webhooks = Detach(tree, "webhooks");
        // An array beside the names, not a list of value tuples: LINQ over value tuples is generic code never
        // precompiled, and was JIT-compiled in every fresh MSBuild node.
        var components = new JsonNode?[componentMembers.Length];
        for (var index = 0; index < componentMembers.Length; index++)
        {
            components[index] = Detach(tree, componentMembers[index]);
        }

        if (!isSwagger2 && components[0] is JsonObject componentsObject)
        {
            // Path items and callbacks are copied where they are used; only responses and parameters are referenced.
            componentsObject.Remove("pathItems");
            componentsObject.Remove("callbacks");
        }

        JsonObject Part(JsonNode? partPaths)
        {
            var part = (JsonObject)tree.DeepClone();
            part["paths"] = partPaths ?? new JsonObject();
            return part;
        }

        ApiModelBuilder shapes;
        if (Array.Exists(components, node => node is not null))
        {
            var componentsDocument = Part(null);
            for (var index = 0; index < componentMembers.Length; index++)
            {
                if (components[index] is { } node)
                {
                    componentsDocument[componentMembers[index]] = node;
                }
            }

            var read = new OpenApiJsonReader().Read(componentsDocument, location, Settings);
            if (read.Document is null)
            {
                return (null, FirstError(read));
            }

            shapes = ApiModelBuilder.ForComponents(read.Document, specVersion, file, bodySets);
        }
        else
        {
            shapes = ApiModelBuilder.ForComponents(new OpenApiDocument(), specVersion, file, bodySets);
        }

        var parts = new List<JsonObject?>();
        if (paths is JsonObject pathItems && pathItems.Count > PathItemsPerPart)
        {
            var items = pathItems.ToList();
            pathItems.Clear();
            for (var start = 0; start < items.Count; start += PathItemsPerPart)
            {
                parts.Add(Part(new JsonObject(items.Skip(start).Take(PathItemsPerPart))));
            }
        }
        else
        {
            parts.Add(Part(paths));
        }

        if (webhooks is not null)
        {
            // Last: the webhooks' callbacks come after those of the paths.
            parts[^1]!["webhooks"] = webhooks;
        }

        var models = new ApiModelBuilder.ModelPart[parts.Count];
        var errors = new string?[parts.Count];
        void ReadPart(int index)
        {
            var part = parts[index]!;
            // Let go of the part's tree once read: it is most of what the load holds.
            parts[index] = null;
            var read = new OpenApiJsonReader().Read(part, location, Settings);
            if (read.Document is null)
            {
                errors[index] = FirstError(read);
                return;
            }

            var model = new ApiModelBuilder.ModelPart();
            new ApiModelBuilder(shapes).AddPaths(read.Document, webhooksMember, model);
            models[index] = model;
        }

        if (parts.Count == 1)
        {
            ReadPart(0);
        }
        else
        {
            try
            {
                Parallel.For(0, parts.Count, ReadPart);
            }
            catch (AggregateException error) when (error.InnerExceptions.Count > 0)
            {
                // The loader turns the reader's exceptions into one load error; it should see the reader's, not a wrapper.
                ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            }
        }

        if (errors.FirstOrDefault(error => error is not null) is { } firstError)
        {
            return (null, firstError);
        }

        var all = new ApiModelBuilder.ModelPart();
        foreach (var model in models)
        {
            all.Paths.AddRange(model.Paths);
            all.Webhooks.AddRange(model.Webhooks);
            all.Callbacks.AddRange(model.Callbacks);
        }

        return (all, null);
    }

    private static JsonNode? Detach(JsonObject tree, string member)
    {
        if (!tree.TryGetPropertyValue(member, out var node))
        {
            return null;
        }

        tree.Remove(member);
        return node;
    }

    private static string FirstError(ReadResult read) => read.Diagnostic?.Errors.FirstOrDefault()?.Message ?? "unknown error";
}
