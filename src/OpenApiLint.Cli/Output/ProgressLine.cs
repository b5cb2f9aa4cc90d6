namespace OpenApiLint.Cli.Output;

/// <summary>A counter redrawn in place on stderr while many files are linted; erased when done so it never mixes with findings.</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly TextWriter _error;
    private readonly int _total;
    private int _width;

    public ProgressLine(TextWriter error, int total)
    {
        _error = error;
        _total = total;
        Report(0);
    }

    public void Report(int done)
    {
        var text = $"Linting {done}/{_total} files…";
        _width = Math.Max(_width, text.Length);
        _error.Write("\r" + text.PadRight(_width));
        _error.Flush();
    }

    public void Dispose()
    {
        _error.Write("\r" + new string(' ', _width) + "\r");
        _error.Flush();
    }
}
