using System.Text.Json.Nodes;
using Microsoft.OpenApi;
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
        byte[] bytes;
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

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(path, $"cannot read the file: {error.Message}");
        }

        return Load(path, bytes);
    }

    /// <summary>Loads a document from bytes already read; <paramref name="path"/> names it (and locates relative <c>$ref</c>s).</summary>
    public static DocumentLoadResult Load(string path, byte[] content)
    {
        try
        {
            var parsed = SyntaxReader.Read(path, content, DocumentFormats.Detect(path, content));
            return Build(parsed);
        }
        catch (SyntaxException error)
        {
            return DocumentLoadResult.Failure(new LoadError(path, error.Line, error.Column, error.Message));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Microsoft.OpenApi throws on some input it does not expect; the linter must still answer with one line.
            return Fail(path, $"cannot be read as OpenAPI: {error.Message}");
        }
    }

    private static DocumentLoadResult Fail(string path, string message) => DocumentLoadResult.Failure(new LoadError(path, 0, 0, message));

    private static DocumentLoadResult Build(ParsedFile parsed)
    {
        if (parsed.Root is not JsonObject root)
        {
            return DocumentLoadResult.Failure(new LoadError(parsed.Path, 1, 1, "not an OpenAPI document: the top level is not an object"));
        }

        var (specVersion, versionError) = ReadSpecVersion(parsed, root);
        if (versionError is not null)
        {
            return DocumentLoadResult.Failure(versionError);
        }

        var bundle = ReferenceBundler.Bundle(parsed, fullPath => ReadReferencedFile(fullPath));
        var settings = new OpenApiReaderSettings
        {
            // The reader's validation costs more than the whole lint on large documents, and its findings are not ours.
            RuleSet = ValidationRuleSet.GetEmptyRuleSet(),
            LoadExternalRefs = false,
        };
        var read = new OpenApiJsonReader().Read(root, new Uri(Path.GetFullPath(parsed.Path)), settings);
        if (read.Document is null)
        {
            var first = read.Diagnostic?.Errors.FirstOrDefault();
            return DocumentLoadResult.Failure(new LoadError(parsed.Path, 0, 0, $"cannot be read as OpenAPI: {first?.Message ?? "unknown error"}"));
        }

        var operations = ApiModelBuilder.Build(read.Document, specVersion, bundle, parsed.Path);
        var title = root["info"] is JsonObject info && info["title"] is JsonValue titleValue && titleValue.TryGetValue<string>(out var t) ? t : null;
        return DocumentLoadResult.Success(new OpenApiLintDocument(parsed, specVersion, title, operations, bundle.Sites, bundle.ExternalFiles));
    }

    private static ParsedFile ReadReferencedFile(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw new SyntaxException("file not found");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // An unreadable referenced file is that reference's problem (OAL0010), not the whole document's.
            throw new SyntaxException($"cannot read the file: {error.Message}");
        }

        return SyntaxReader.Read(fullPath, bytes, DocumentFormats.Detect(fullPath, bytes));
    }

    private static (string Version, LoadError? Error) ReadSpecVersion(ParsedFile parsed, JsonObject root)
    {
        LoadError At(string pointer, string message)
        {
            var span = parsed.SourceMap.Resolve([pointer]).GetValueOrDefault(pointer);
            return new LoadError(parsed.Path, span.Line, span.Column, message);
        }

        if (root.TryGetPropertyValue("swagger", out var swagger))
        {
            var text = swagger is JsonValue value ? value.ToString() : null;
            if (text is "2" or "2.0")
            {
                // YAML's unquoted `swagger: 2.0` is a number; the reader wants the string.
                root["swagger"] = "2.0";
            }

            return text is "2" or "2.0"
                ? ("2.0", null)
                : (string.Empty, At("/swagger", $"unsupported Swagger version '{text}': OpenAPI 2.0, 3.0 and 3.1 are supported"));
        }

        if (root.TryGetPropertyValue("openapi", out var openapi))
        {
            var text = openapi is JsonValue value && value.TryGetValue<string>(out var s) ? s : openapi?.ToJsonString();
            if (openapi is JsonValue number && !number.TryGetValue<string>(out _) && text is not null)
            {
                // YAML's unquoted `openapi: 3.0` is a number; the reader wants "3.0.0".
                text = text.Contains('.', StringComparison.Ordinal) ? text + ".0" : text + ".0.0";
                root["openapi"] = text;
            }

            if (text is not null && (text.StartsWith("3.0", StringComparison.Ordinal) || text.StartsWith("3.1", StringComparison.Ordinal) || text.StartsWith("3.2", StringComparison.Ordinal)))
            {
                return (text, null);
            }

            // "openapi: 2.0" is a common slip: saying 2.0 is supported while refusing it would only confuse.
            return (string.Empty, At("/openapi", text is not null && text.StartsWith("2", StringComparison.Ordinal)
                ? $"unsupported OpenAPI version '{text}': an OpenAPI 2.0 document declares 'swagger: \"2.0\"' instead of 'openapi'"
                : $"unsupported OpenAPI version '{text}': OpenAPI 2.0, 3.0 and 3.1 are supported"));
        }

        return (string.Empty, new LoadError(parsed.Path, 1, 1, "not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level"));
    }
}
