using System.Text;

namespace OpenApiLint.Cli;

/// <summary>
/// Everything the tool reads from or writes to its process: streams, working folder, terminal state, environment.
/// Tests pass their own, so whole command lines run in-process without touching the real console or folder.
/// </summary>
/// <param name="Out">Where reports and listings go.</param>
/// <param name="Error">Where errors, warnings and progress go.</param>
/// <param name="WorkingDirectory">The folder relative paths are resolved against and reports are made relative to.</param>
/// <param name="IsOutputRedirected">Whether <see cref="Out"/> is a pipe or file rather than a terminal (no colors then).</param>
/// <param name="IsErrorRedirected">Whether <see cref="Error"/> is a pipe or file rather than a terminal (no progress then).</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable (<c>NO_COLOR</c>, <c>TERM</c>).</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    bool IsOutputRedirected,
    bool IsErrorRedirected,
    Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>The process's own console. Standard output is buffered: reports can run to many thousand lines.</summary>
    public static CliConsole ForProcess() => new(
        new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false },
        Console.Error,
        Directory.GetCurrentDirectory(),
        Console.IsOutputRedirected,
        Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable);

    /// <summary>Whether colors are welcome on <see cref="Out"/>: a terminal, no <c>NO_COLOR</c> (see no-color.org), no dumb terminal.</summary>
    public bool ColorsWelcome =>
        !IsOutputRedirected
        && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary><paramref name="path"/> resolved against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Writes one error line, in the form CI logs and MSBuild recognise.</summary>
    public void WriteError(string message) => Error.WriteLine($"{CliApplication.ToolName}: error: {message}");

    /// <summary>Writes one warning line.</summary>
    public void WriteWarning(string message) => Error.WriteLine($"{CliApplication.ToolName}: warning: {message}");
}
