using OpenApiLint.Cli;

var console = CliConsole.ForProcess();
int exitCode;
try
{
    exitCode = CliApplication.Run(args, console);
}
catch (Exception error)
{
    // CliApplication already turns every failure into one line; this is the last guard, so no trace ever reaches a user.
    Console.Error.WriteLine($"{CliApplication.ToolName}: error: unexpected {error.GetType().Name}: {CliApplication.OneLine(error.Message)}");
    exitCode = ExitCodes.Failure;
}

try
{
    console.Out.Flush();
}
catch (IOException)
{
    // A closed pipe (`| head`) is not worth a trace either.
}

return exitCode;
