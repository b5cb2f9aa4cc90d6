namespace OpenApiLint.SourceLocations;

/// <summary>
/// One C# file's path and text. A class, not a value tuple: the generic code of LINQ and the collections over a
/// reference type is shared and precompiled with the framework, while each instantiation over a value tuple is
/// JIT-compiled in every fresh process, which the first lint of a build pays (docs/performance.md).
/// </summary>
internal sealed record SourceText(string Path, string Text);
