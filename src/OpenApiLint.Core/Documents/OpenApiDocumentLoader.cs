using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.Reader;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Loads OpenAPI 2.0, 3.0 and 3.1 documents, JSON or YAML, into the model the rules check.
/// Bad input of any kind comes back as a <see cref="LoadError"/> naming the file (and line where known), never as an exception.
/// </summary>
public static class OpenApiDocumentLoader
{
    /// <summary>Larger files are refused with a clear message rather than exhausting memory.</summary>
    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    /// <summary>Loads the document at <paramref name="path"/>; diagnostics will name the file as given.</summary>
    public static DocumentLoadResult Load(string path)
    {
        byte[]? bytes = null;
        UnmanagedFileBytes? large = null;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return Fail(path, "is a folder, not a document");
            }

            if (!info.Exists)
            {
                return Fail(path, "file not found");
            }

            if (info.Length > MaxDocumentBytes)
            {
                return Fail(path, $"the file is {info.Length / (1024 * 1024)} MB; documents over {MaxDocumentBytes / (1024 * 1024)} MB are not linted");
            }

            if (info.Length >= LargeDocumentBytes)
            {
                large = UnmanagedFileBytes.Read(path);
            }
            else
            {
                bytes = File.ReadAllBytes(path);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, $"cannot read the file: {error.Message}");
        }

        using (large)
        {
            return large is not null ? Load(path, large.Memory, large) : Load(path, bytes!, large: null);
        }
    }

    /// <summary>
    /// Documents (and files a <c>$ref</c> names) this large are not held while they are read and linted: read outside the
    /// collected heap (<see cref="UnmanagedFileBytes"/>), their bytes freed the moment the walk is over, and the file read
    /// again to position findings (Microsoft Graph's are 19 and 45 MB). A smaller one's bytes are dwarfed by what the walk
    /// makes and are kept as before: no second read, and no file that can change in between (a corpus run that let every
    /// document go and read it again peaked at 504 and 529 MB, against 435 and 447 MB before).
    /// </summary>
    internal const long LargeDocumentBytes = 16L * 1024 * 1024;

    /// <summary>Loads a document from bytes already read; <paramref name="path"/> names it (and locates relative <c>$ref</c>s).</summary>
    /// <remarks>The document keeps <paramref name="content"/> for positions and excerpts: the file is not read again.</remarks>
    public static DocumentLoadResult Load(string path, byte[] content) => Load(path, content, large: null);

    /// <summary>
    /// Loads a document from its bytes. When they are <paramref name="large"/>, the large file at <paramref name="path"/>
    /// as just read (<see cref="LargeDocumentBytes"/>), they are freed once the walk is over and the file is read again
    /// when findings are positioned (<see cref="SourceText.Release"/>).
    /// </summary>
    private static DocumentLoadResult Load(string path, ReadOnlyMemory<byte> content, UnmanagedFileBytes? large)
    {
        ParsedFile? parsed = null;
        try
        {
            parsed = SyntaxReader.Read(path, content, DocumentFormats.Detect(path, content.Span));
            var result = Build(parsed, large);
            return parsed.DuplicateKeyError() is { } duplicate ? Failure(path, duplicate) : result;
        }
        catch (SyntaxException error)
        {
            return Failure(path, parsed?.DuplicateKeyError() ?? error);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A duplicate key (checked beside the load of a large document) is the document's first problem.
            if (parsed?.DuplicateKeyError() is { } duplicate)
            {
                return Failure(path, duplicate);
            }

            // Microsoft.OpenApi throws on some input it does not expect; the linter must still answer with one line.
            return Fail(path, $"cannot be read as OpenAPI: {OneLine(error.Message)}");
        }
        finally
        {
            parsed?.Dispose();
        }
    }

    private static DocumentLoadResult Failure(string path, SyntaxException error) =>
        DocumentLoadResult.Failure(new LoadError(path, error.Line, error.Column, error.Message));

    private static DocumentLoadResult Fail(string path, string message) => DocumentLoadResult.Failure(new LoadError(path, 0, 0, message));

    /// <summary>A message from another library, on one line: a load error is printed as one.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DocumentLoadResult Build(ParsedFile parsed, UnmanagedFileBytes? large)
    {
        var root = parsed.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DocumentLoadResult.Failure(new LoadError(parsed.Path, 1, 1, "not an OpenAPI document: the top level is not an object"));
        }

        var (specVersion, versionError) = ReadSpecVersion(parsed, root);
        if (versionError is not null)
        {
            return DocumentLoadResult.Failure(versionError);
        }

        using var bundle = ReferenceBundler.Bundle(parsed, ReadReferencedFile);
        var tree = bundle.ReaderTree;
        // YAML's unquoted `swagger: 2.0` or `openapi: 3.0` is a number; the reader wants the string "2.0" or "3.0.0".
        tree[specVersion == "2.0" ? "swagger" : "openapi"] = specVersion;

        // Webhooks: 3.1's own, or 3.0's x-webhooks handed over as 3.1's (the slice holds nothing 3.1 reads differently).
        // Swagger 2.0's reader has no place for them: its x-webhooks are path items of Swagger 2.0's shape, read as the
        // paths of a second document that shares the first one's definitions, responses and parameters.
        var webhooksMember = root.TryGetProperty("webhooks"u8, out _) || !root.TryGetProperty(ModelSlice.XWebhooks, out _) ? "webhooks" : "x-webhooks";
        JsonObject? swaggerWebhooks = null;
        if (tree.ContainsKey("webhooks"))
        {
            if (specVersion == "2.0")
            {
                swaggerWebhooks = SwaggerWebhooksTree(tree);
            }
            else if (specVersion.StartsWith("3.0", StringComparison.Ordinal))
            {
                tree["openapi"] = "3.1.0";
            }
        }
        var title = root.TryGetProperty("info"u8, out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("title"u8, out var titleValue) && titleValue.ValueKind == JsonValueKind.String
            ? titleValue.GetString()
            : null;

        // The walk is over: the parsed trees go back (a small one's metadata to the pool, for the next document to reuse; a
        // large one's to the collector, see ParsedFile.UnpooledMetadataBytes).
        parsed.Dispose();
        bundle.Dispose();
        if (parsed.DuplicateKeyError() is { } duplicate)
        {
            // The document's first problem, found by the check Dispose waited for: nothing more to read. (Found while the
            // text is still held: the finder reads it.)
            return Failure(parsed.Path, duplicate);
        }

        // Nor is a large text needed until findings are positioned, when the file is read again: a large document read
        // from disk has its bytes freed now, before the reader's peak (Microsoft Graph: 45 MB). Files a $ref named were
        // read from disk whichever way the document came; a large one's array goes to the collector.
        if (large is not null)
        {
            parsed.Text.Release();
            ((IDisposable)large).Dispose();
        }

        foreach (var file in bundle.ExternalFiles.Where(file => file.Text.Utf8.Length >= LargeDocumentBytes))
        {
            file.Text.Release();
        }

        var (model, readError) = ModelReader.Read(tree, specVersion, parsed.Path, bundle.BodyPropertySets, webhooksMember);
        if (model is null)
        {
            return DocumentLoadResult.Failure(new LoadError(parsed.Path, 0, 0, $"cannot be read as OpenAPI: {OneLine(readError ?? "unknown error")}"));
        }

        IReadOnlyList<ApiOperation> webhooks = model.Webhooks;
        if (swaggerWebhooks is not null && new OpenApiJsonReader().Read(swaggerWebhooks, new Uri(Path.GetFullPath(parsed.Path)), ModelReader.Settings).Document is { } webhookDocument)
        {
            webhooks = ApiModelBuilder.BuildSwaggerWebhooks(webhookDocument, parsed.Path, bundle.BodyPropertySets);
        }

        return DocumentLoadResult.Success(new OpenApiLintDocument(parsed.Text, specVersion, title, model.Paths, bundle.Sites, bundle.ExternalFiles.Select(file => file.Text).ToList())
        {
            LoadWork = bundle.Work,
            Webhooks = webhooks,
            Callbacks = model.Callbacks,
        });
    }

    /// <summary>
    /// A Swagger 2.0 document whose paths are the x-webhooks of <paramref name="tree"/> (taken out of it, each name
    /// behind a '/'), with everything
    /// else the webhooks' references may need (definitions, responses, parameters) shared, not copied.
    /// </summary>
    private static JsonObject SwaggerWebhooksTree(JsonObject tree)
    {
        var webhooks = tree["webhooks"];
        tree.Remove("webhooks");
        var copy = new JsonObject();
        foreach (var (name, value) in tree)
        {
            if (name != "paths")
            {
                copy[name] = value?.DeepClone();
            }
        }

        // The reader takes only keys that start with '/' as paths: each webhook's name gets one, which the model
        // builder takes off again.
        var paths = new JsonObject();
        if (webhooks is JsonObject items)
        {
            foreach (var (name, item) in items.ToList())
            {
                items.Remove(name);
                if (!ModelSlice.IsExtension(name))
                {
                    paths["/" + name] = item;
                }
            }
        }

        copy["paths"] = paths;
        return copy;
    }

    /// <summary>Reads a file a <c>$ref</c> names, under the same limits as the document.</summary>
    internal static ParsedFile ReadReferencedFile(string fullPath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                throw new SyntaxException("file not found");
            }

            if (info.Length > MaxDocumentBytes)
            {
                throw new SyntaxException($"the file is {info.Length / (1024 * 1024)} MB; files over {MaxDocumentBytes / (1024 * 1024)} MB are not read");
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // An unreadable referenced file is that reference's problem (OAL0010), not the whole document's.
            throw new SyntaxException($"cannot read the file: {error.Message}");
        }

        return SyntaxReader.Read(fullPath, bytes, DocumentFormats.Detect(fullPath, bytes));
    }

    private static (string Version, LoadError? Error) ReadSpecVersion(ParsedFile parsed, JsonElement root)
    {
        LoadError At(string pointer, string message)
        {
            var span = parsed.Text.SourceMap.Resolve([pointer]).GetValueOrDefault(pointer);
            return new LoadError(parsed.Path, span.Line, span.Column, message);
        }

        if (root.TryGetProperty("swagger"u8, out var swagger))
        {
            var text = VersionText(swagger);
            return text is "2" or "2.0"
                ? ("2.0", null)
                : (string.Empty, At("/swagger", $"unsupported Swagger version '{Excerpt(text)}': OpenAPI 2.0, 3.0 and 3.1 are supported"));
        }

        if (root.TryGetProperty("openapi"u8, out var openapi))
        {
            var text = VersionText(openapi);
            if (openapi.ValueKind == JsonValueKind.Number && text is not null)
            {
                // YAML's unquoted `openapi: 3.0` is a number; the reader wants "3.0.0".
                text = text.Contains('.', StringComparison.Ordinal) ? text + ".0" : text + ".0.0";
            }

            if (text is not null && (text.StartsWith("3.0", StringComparison.Ordinal) || text.StartsWith("3.1", StringComparison.Ordinal) || text.StartsWith("3.2", StringComparison.Ordinal)))
            {
                return (text, null);
            }

            // "openapi: 2.0" is a common slip: saying 2.0 is supported while refusing it would only confuse.
            return (string.Empty, At("/openapi", text is not null && text.StartsWith('2')
                ? $"unsupported OpenAPI version '{Excerpt(text)}': an OpenAPI 2.0 document declares 'swagger: \"2.0\"' instead of 'openapi'"
                : $"unsupported OpenAPI version '{Excerpt(text)}': OpenAPI 2.0, 3.0 and 3.1 are supported"));
        }

        return (string.Empty, new LoadError(parsed.Path, 1, 1, "not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level"));
    }

    /// <summary>The version as written: a string's value, a number's digits; a collection is shown by its brackets.</summary>
    private static string? VersionText(JsonElement version) => version.ValueKind switch
    {
        JsonValueKind.String => version.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        _ => version.GetRawText(),
    };

    /// <summary>
    /// Text from the document quoted in a message: on one line and short, whatever the document holds (a load error
    /// is one line, and the version field can hold anything).
    /// </summary>
    private static string Excerpt(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var oneLine = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }
}
