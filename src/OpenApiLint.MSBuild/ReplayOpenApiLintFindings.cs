using Microsoft.Build.Framework;

namespace OpenApiLint.MSBuild;

/// <summary>
/// Runs when the lint was skipped because nothing changed: logs the last lint's warnings and messages again from the
/// cache in obj/, so an incremental build shows what a full one shows.
/// </summary>
public sealed class ReplayOpenApiLintFindings : OpenApiLintTaskBase
{
    private protected override void Run()
    {
        var (cache, problem) = FindingCache.Read(CacheFile);
        if (cache is null || cache.Version != ToolVersion)
        {
            // The target's Outputs include the cache, so this only happens when it was damaged by hand; the next
            // change lints again.
            Log.LogMessage(MessageImportance.Normal, "{0}: nothing to replay from {1}: {2}", Subject, CacheFile, problem ?? $"written by version {cache!.Version}");
            return;
        }

        var logger = CreateLogger();
        foreach (var finding in cache.Findings)
        {
            logger.Log(finding);
        }

        Log.LogMessage(
            MessageImportance.High,
            "{0}: {1} up to date, not linted again (ruleset {2}): {3} replayed{4}",
            Subject,
            Tally.Plural(cache.Documents, "document"),
            string.Join(", ", cache.Rulesets),
            logger.Tally,
            cache.Kept);
    }
}
