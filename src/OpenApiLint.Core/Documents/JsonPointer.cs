using System.Text;

namespace OpenApiLint.Core.Documents;

/// <summary>RFC 6901 JSON pointers, kept as their string form ("" is the root).</summary>
public static class JsonPointer
{
    /// <summary>The pointer to the whole document.</summary>
    public const string Root = "";

    /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
    public static string Escape(string token) =>
        token.IndexOfAny(['~', '/']) < 0 ? token : token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string token) =>
        token.Contains('~', StringComparison.Ordinal) ? token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : token;

    /// <summary>Appends reference tokens (unescaped) to a pointer.</summary>
    public static string Append(string pointer, params ReadOnlySpan<string> tokens)
    {
        // The loader builds a pointer for every operation and response of a document: one allocation each, no builder.
        if (tokens.Length == 1)
        {
            return string.Concat(pointer, "/", Escape(tokens[0]));
        }

        var length = pointer.Length;
        foreach (var token in tokens)
        {
            length += 1 + EscapedLength(token);
        }

        var rented = length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        pointer.CopyTo(buffer);
        var position = pointer.Length;
        foreach (var token in tokens)
        {
            buffer[position++] = '/';
            foreach (var c in token)
            {
                if (c is '~' or '/')
                {
                    buffer[position++] = '~';
                    buffer[position++] = c == '~' ? '0' : '1';
                }
                else
                {
                    buffer[position++] = c;
                }
            }
        }

        var result = new string(buffer);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static int EscapedLength(string token)
    {
        var length = token.Length;
        foreach (var c in token)
        {
            if (c is '~' or '/')
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>Splits a pointer into its unescaped reference tokens; the root has none.</summary>
    public static IReadOnlyList<string> Split(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"A JSON pointer starts with '/': '{pointer}'.", nameof(pointer));
        }

        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }

    /// <summary>The pointer of the parent node; the root is its own parent.</summary>
    public static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? Root : pointer[..slash];
    }

    /// <summary>
    /// Converts the fragment of a <c>$ref</c> (<c>#/components/responses/Created</c>, possibly percent-encoded)
    /// into a pointer; <c>null</c> when the fragment is not a JSON pointer.
    /// </summary>
    public static string? FromFragment(string fragment)
    {
        var text = fragment.StartsWith('#') ? fragment[1..] : fragment;
        text = Uri.UnescapeDataString(text);
        return text.Length == 0 || text[0] == '/' ? text : null;
    }
}
