namespace OpenApiLint.Cli.Tests.Support;

/// <summary>What one command line printed and returned.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Lines(Out);

    public string[] ErrorLines => Lines(Error);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs command lines in-process against a fake console: fast, and free to fake a terminal or the environment.</summary>
internal static class InProcess
{
    public static CliOutcome Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), terminal: false, args);

    public static CliOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, bool terminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, workingDirectory, IsOutputRedirected: !terminal, IsErrorRedirected: !terminal, name => environment.GetValueOrDefault(name));
        var exitCode = CliApplication.Run(args, console);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }
}
