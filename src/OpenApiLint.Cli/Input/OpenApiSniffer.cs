using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiLint.Cli.Input;

/// <summary>
/// Tells, cheaply and without a full parse, whether a file found by a folder scan or a glob is an OpenAPI document:
/// a top-level <c>openapi</c> or <c>swagger</c> key. A file too broken to tell is kept when it mentions either word, so a
/// damaged spec is reported rather than silently skipped, while package.json or a CI workflow is left alone.
/// </summary>
internal static partial class OpenApiSniffer
{
    public static bool IsOpenApi(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return true; // the loader reports why it cannot be read
        }

        return IsOpenApi(path, bytes);
    }

    public static bool IsOpenApi(string path, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var trimmed = content.TrimStart(" \t\r\n"u8);
        var looksJson = trimmed.Length > 0 && trimmed[0] == (byte)'{';
        if (looksJson || Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonHasTopLevelKey(content) ?? MentionsOpenApi(content);
        }

        return YamlTopLevelKey().IsMatch(Encoding.UTF8.GetString(content));
    }

    /// <summary><c>true</c>/<c>false</c> when the JSON could be read far enough to tell, <c>null</c> when it is broken before that.</summary>
    private static bool? JsonHasTopLevelKey(ReadOnlySpan<byte> content)
    {
        try
        {
            var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("openapi"u8) || reader.ValueTextEquals("swagger"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool MentionsOpenApi(ReadOnlySpan<byte> content) =>
        content.IndexOf("\"openapi\""u8) >= 0 || content.IndexOf("\"swagger\""u8) >= 0;

    /// <summary>A key at the start of a line (top level), plain or quoted.</summary>
    [GeneratedRegex("""^["']?(openapi|swagger)["']?[ \t]*:""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlTopLevelKey();
}
