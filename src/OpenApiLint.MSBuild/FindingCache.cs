using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiLint.Core.Files;

namespace OpenApiLint.MSBuild;

/// <summary>
/// What a lint that passed leaves in obj/ so a build that skips the lint (nothing changed) can replay its warnings
/// and messages instead of making them vanish.
/// </summary>
/// <param name="Version">The task version that wrote it; a cache of another version is not trusted.</param>
/// <param name="Documents">How many documents were linted.</param>
/// <param name="Rulesets">Names of the rulesets they were checked against.</param>
/// <param name="Findings">The findings to replay (never errors: a lint with errors leaves no cache).</param>
/// <param name="Kept">What the summary line says of the findings kept but not reported (suppressed, baselined), to replay it.</param>
internal sealed record FindingCache(string Version, int Documents, IReadOnlyList<string> Rulesets, IReadOnlyList<BuildFinding> Findings, string Kept = "")
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Write(string path)
    {
        // A build cancelled mid-write must not leave a cache the next build would misread.
        AtomicFile.Write(path, JsonSerializer.Serialize(this, Options));
    }

    /// <summary>The cache at <paramref name="path"/>, or <c>null</c> with the reason when it is missing or unreadable.</summary>
    public static (FindingCache? Cache, string? Problem) Read(string path)
    {
        try
        {
            var cache = JsonSerializer.Deserialize<FindingCache>(File.ReadAllText(path), Options);
            return cache is null ? (null, "the cache is empty") : (cache, null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, error.Message);
        }
    }
}
