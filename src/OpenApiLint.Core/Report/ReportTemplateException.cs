using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Report;

/// <summary>
/// A report template that cannot be used: missing, unreadable, or broken (a tag never closed, a block closed by the
/// wrong name, an unknown partial or helper). Carries the file and, where known, the line and column, so the edges
/// can print one line and exit with code 2 (tool) or log a build error (MSBuild).
/// </summary>
public sealed class ReportTemplateException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/>:<paramref name="column"/> (0: unknown).</summary>
    public ReportTemplateException(string file, int line, int column, string reason, Exception? innerException = null)
        : base(new LoadError(file, line, column, reason) { Code = LoadErrorCodes.ReportTemplateInvalid }.ToString(), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The template file at fault (or the template path given, when it does not exist).</summary>
    public string File { get; }

    /// <summary>1-based line; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, in one sentence, without the position (the <see cref="Exception.Message"/> has both).</summary>
    public string Reason { get; }

    /// <summary>The error in the form every edge already prints and logs.</summary>
    public LoadError ToLoadError() => new(File, Line, Column, Reason) { Code = LoadErrorCodes.ReportTemplateInvalid };
}
