using System.Text;

namespace OpenApiLint.Core.Documents;

/// <summary>The raw text of a file a document is made of: what positions and source excerpts are read from.</summary>
/// <remarks>
/// Text that is a file as read from disk can be let go while the document is read and its rules run
/// (<see cref="Release"/>: Microsoft Graph's is 45 MB, alive beside the reader's peak for nothing) and is read from the
/// file again when positions or excerpts need it. The second read must give the bytes of the first (same length, same
/// hash): positions found in other bytes would point at other places, so a file changed in between is an error
/// (<see cref="SourceChangedException"/>), not a silently wrong line.
/// </remarks>
internal sealed class SourceText(string path, DocumentFormat format, ReadOnlyMemory<byte> utf8)
{
    private readonly Lock _gate = new();
    private ReadOnlyMemory<byte> _utf8 = utf8;

    /// <summary>What the bytes let go were, while they are (<see cref="_released"/>); the file read again must match it.</summary>
    private ContentStamp _stamp;

    /// <summary>Written last when the bytes come back, read first: a thread that sees it false sees the bytes.</summary>
    private volatile bool _released;

    private ISourceMap? _sourceMap;
    private LineIndex? _lines;

    public string Path { get; } = path;

    public DocumentFormat Format { get; } = format;

    /// <summary>The file's bytes, read again if they were let go.</summary>
    /// <exception cref="SourceChangedException">They were let go and the file no longer holds them.</exception>
    public ReadOnlyMemory<byte> Utf8 => _released ? ReadAgain() : _utf8;

    /// <summary>Where each line starts, for excerpts; built on first use.</summary>
    /// <remarks>Two threads racing here build two equal indexes; either may win.</remarks>
    public LineIndex Lines => _lines ??= LineIndex.Of(Utf8.Span);

    /// <summary>Built on first use: most documents have no finding and never need positions.</summary>
    /// <remarks>Two threads racing here build two equal maps; either may win.</remarks>
    public ISourceMap SourceMap => _sourceMap ??= Format == DocumentFormat.Json
        ? SourceMaps.ForJson(Utf8)
        : SourceMaps.ForYaml(Encoding.UTF8.GetString(DocumentFormats.SkipBom(Utf8.Span)));

    /// <summary>
    /// Lets go of the bytes until they are needed again, when <see cref="Path"/> is read again. Only for text that is the
    /// file at <see cref="Path"/> as read from disk, and only while no other thread reads this text.
    /// </summary>
    public void Release()
    {
        if (_released)
        {
            return;
        }

        _stamp = ContentStamp.Of(_utf8.Span);
        _utf8 = ReadOnlyMemory<byte>.Empty;
        // The map holds the bytes; the line index is small, but is built again with them rather than trusted across reads.
        _sourceMap = null;
        _lines = null;
        _released = true;
    }

    private ReadOnlyMemory<byte> ReadAgain()
    {
        lock (_gate)
        {
            if (!_released)
            {
                return _utf8;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(Path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new SourceChangedException(Path, $"cannot be read again to position its findings: {error.Message}");
            }

            if (ContentStamp.Of(bytes) != _stamp)
            {
                throw new SourceChangedException(Path, "the file changed while it was being linted, so its findings cannot be positioned: lint it again");
            }

            _utf8 = bytes;
            _released = false;
            return _utf8;
        }
    }

    /// <summary>
    /// What a file's bytes were, in 12 bytes: their length and a hash (<see cref="HashCode"/>, seeded per process, which
    /// is all a comparison within one run needs).
    /// </summary>
    private readonly record struct ContentStamp(long Length, int Hash)
    {
        public static ContentStamp Of(ReadOnlySpan<byte> bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return new ContentStamp(bytes.Length, hash.ToHashCode());
        }
    }
}
