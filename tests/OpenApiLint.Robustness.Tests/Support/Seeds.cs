using FsCheck;
using FsCheck.Fluent;

namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>
/// FsCheck draws a seed; the test derives its whole random input from it with <see cref="System.Random"/>. A failure
/// reports the seed, which regenerates the exact input (the input is also printed).
/// </summary>
internal static class Seeds
{
    public static Arbitrary<int> Any { get; } = Arb.From(Gen.Choose(0, int.MaxValue));
}
