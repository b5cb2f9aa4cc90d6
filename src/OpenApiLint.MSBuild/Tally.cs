namespace OpenApiLint.MSBuild;

/// <summary>How many findings went out as what: the numbers of the summary line.</summary>
internal sealed class Tally
{
    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Messages { get; private set; }

    public int Suppressed { get; private set; }

    public void Add(LoggedAs loggedAs)
    {
        switch (loggedAs)
        {
            case LoggedAs.Error: Errors++; break;
            case LoggedAs.Warning: Warnings++; break;
            case LoggedAs.Message: Messages++; break;
            default: Suppressed++; break;
        }
    }

    public override string ToString()
    {
        var text = $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Plural(Messages, "message")}";
        return Suppressed > 0 ? $"{text} ({Suppressed} suppressed by NoWarn)" : text;
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
