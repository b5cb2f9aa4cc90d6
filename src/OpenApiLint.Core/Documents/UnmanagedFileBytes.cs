using System.Buffers;
using System.Runtime.InteropServices;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// A document's bytes read outside the collected heap, for as long as the loader parses and walks them: freed the
/// moment the walk is over, and the memory is the system's again at once. An array of the same bytes, once dropped,
/// stays resident until the collector frees its region and the system takes the pages back, which for Microsoft
/// Graph (45 MB) came after the Microsoft.OpenApi reader's peak, not before it.
/// </summary>
/// <remarks>
/// Every read goes through <see cref="GetSpan"/>, which throws once the bytes are freed: a reader left over (the parsed
/// tree is disposed first) fails instead of reading freed memory. No finalizer (CA2015: it could free the bytes under a
/// span still in use): the loader owns them, in a <c>using</c>, on every way out.
/// </remarks>
internal sealed unsafe class UnmanagedFileBytes : MemoryManager<byte>
{
    private byte* _bytes;
    private readonly int _length;

    private UnmanagedFileBytes(byte* bytes, int length)
    {
        _bytes = bytes;
        _length = length;
    }

    /// <summary>Reads the whole file at <paramref name="path"/>, as long as it was when opened.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static UnmanagedFileBytes Read(string path)
    {
        using var file = File.OpenHandle(path);
        var length = checked((int)RandomAccess.GetLength(file));
        var bytes = (byte*)NativeMemory.Alloc((nuint)Math.Max(length, 1));
        var read = 0;
        try
        {
            while (read < length)
            {
                var count = RandomAccess.Read(file, new Span<byte>(bytes + read, length - read), read);
                if (count == 0)
                {
                    // The file shrank after it was opened: what it holds now is what is read.
                    break;
                }

                read += count;
            }
        }
        catch
        {
            NativeMemory.Free(bytes);
            throw;
        }

        return new UnmanagedFileBytes(bytes, read);
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        return new Span<byte>(_bytes, _length);
    }

    /// <summary>The bytes never move: pinning is a pointer.</summary>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)_length, nameof(elementIndex));
        return new MemoryHandle(_bytes + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_bytes is not null)
        {
            NativeMemory.Free(_bytes);
            _bytes = null;
        }
    }
}
