using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Baselines;

/// <summary>One known finding (or several with the same fingerprint) of one document, as a baseline records it.</summary>
/// <param name="Document">The linted document, relative to the baseline file's folder, with forward slashes.</param>
/// <param name="Fingerprint">What the finding is about.</param>
/// <param name="Count">How many findings of the document share the fingerprint (at least 1).</param>
public sealed record BaselineEntry(string Document, Fingerprint Fingerprint, int Count = 1)
{
    /// <summary>Ordinal order by document, then fingerprint: the order of the file, so its diffs review well.</summary>
    public static IComparer<BaselineEntry> Order { get; } = Comparer<BaselineEntry>.Create(static (a, b) =>
    {
        var byDocument = string.CompareOrdinal(a.Document, b.Document);
        return byDocument != 0 ? byDocument : a.Fingerprint.CompareTo(b.Fingerprint);
    });

    /// <summary><c>specs/orders.yaml: OAL0001 POST /orders 200</c> (with <c> (×2)</c> when counted twice): how outputs list an entry.</summary>
    public override string ToString() => Count == 1 ? $"{Document}: {Fingerprint}" : $"{Document}: {Fingerprint} (×{Count})";
}
