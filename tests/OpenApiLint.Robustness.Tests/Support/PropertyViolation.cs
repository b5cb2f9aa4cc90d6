namespace OpenApiLint.Robustness.Tests.Support;

/// <summary>
/// A property did not hold. Thrown instead of an NUnit assertion inside FsCheck properties, so FsCheck reports the
/// counterexample (the seed and the input it generated) and NUnit records one failure, not one per shrink step.
/// </summary>
internal sealed class PropertyViolation(string message, string input, Exception? inner = null)
    : Exception($"{message}\n--- input ---\n{(input.Length > 4000 ? input[..4000] + "\n[…]" : input)}", inner);
