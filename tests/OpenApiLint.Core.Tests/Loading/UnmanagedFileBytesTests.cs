using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Loading;

/// <summary>A large document's bytes, read outside the collected heap: the file's bytes, and unreadable once freed.</summary>
[TestFixture]
public sealed class UnmanagedFileBytesTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(100_000)]
    public void Read_HoldsTheFilesBytes(int length)
    {
        using var folder = new TempFolder();
        var content = Enumerable.Range(0, length).Select(index => (byte)(index * 7)).ToArray();
        var path = folder.Write("openapi.json", content);

        using var bytes = UnmanagedFileBytes.Read(path);

        Assert.That(bytes.Memory.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public void Freed_BytesCannotBeRead()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.json", "{}");
        var bytes = UnmanagedFileBytes.Read(path);
        var memory = bytes.Memory;

        ((IDisposable)bytes).Dispose();

        Assert.That(() => memory.Span.Length, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Read_OfAMissingFile_Throws()
    {
        using var folder = new TempFolder();

        Assert.That(() => UnmanagedFileBytes.Read(Path.Combine(folder.Path, "missing.json")), Throws.InstanceOf<FileNotFoundException>());
    }
}
