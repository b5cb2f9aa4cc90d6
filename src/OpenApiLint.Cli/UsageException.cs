namespace OpenApiLint.Cli;

/// <summary>
/// A command line or input the tool cannot act on. Thrown by commands, caught by <see cref="CliApplication"/>, and
/// shown as one line on stderr with exit code 2: never a stack trace.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
