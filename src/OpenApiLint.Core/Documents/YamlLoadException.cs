namespace OpenApiLint.Core.Documents;

/// <summary>
/// A YAML document could not be turned into JSON: a syntax error, a duplicate key, or a resource limit.
/// </summary>
/// <remarks>
/// The message is one sentence without a trailing period and without the file name or position, which the
/// caller adds (for example <c>openapi.yaml(3,5): duplicate key 'get'</c>).
/// </remarks>
public sealed class YamlLoadException : Exception
{
    /// <summary>Creates the exception for a problem at a 1-based line and column.</summary>
    public YamlLoadException(string message, int line, int column)
        : this(message, line, column, null)
    {
    }

    /// <summary>Creates the exception for a problem at a 1-based line and column, keeping its cause.</summary>
    public YamlLoadException(string message, int line, int column, Exception? innerException)
        : base(message, innerException)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, in UTF-16 code units.</summary>
    public int Column { get; }
}
