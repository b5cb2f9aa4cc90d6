using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenApiLint.Core.Report;

/// <summary>
/// A document's status-code matrix as compact JSON, for a page that draws the rows itself (the built-in one does for
/// large documents): a row of markup per operation is over a kilobyte, and Microsoft Graph has 22,000 operations.
/// The JSON is a value like any other: the template context HTML-escapes it where it is written (the built-in
/// template puts it in an attribute), so it needs no escaping of its own to be safe in the page.
/// </summary>
/// <remarks>
/// <code>
/// { "codes":   ["200", "404"],                       // the columns' keys
///   "kinds":   [["allowed", "", "✓", "allowed"]],    // distinct cells: verdict, severity, symbol, label
///   "details": ["declared; recommended sets no code list for GET"],
///   "rows":    [[method, path, summary, cells, findings, findingsAnchor, overridden, id, methodClass]] }
/// </code>
/// <c>cells</c> holds two numbers per column: the cell's index in <c>kinds</c> and its detail, <c>d</c> for
/// <c>"METHOD path · code: " + details[d]</c> (most details start so) or <c>-1 - d</c> for <c>details[d]</c> alone.
/// A row ends early when its last fields have their usual values: no findings, no anchor, not overridden, the id
/// <c>{doc.id}-op-{n}</c>, the lower-case method. <c>findingsAnchor</c> is <c>1</c> for <c>{id}-findings</c>.
/// </remarks>
internal static class MatrixData
{
    /// <summary>Takes a piece of the data; the characters are lent for the call only.</summary>
    public delegate void PieceWriter(ReadOnlySpan<char> piece);

    // Readable escaping keeps non-ASCII text at its size; what makes the JSON safe in HTML is the context's escaping.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>About how much of the JSON <see cref="Write"/> hands on at a time: under the large object heap's threshold as text.</summary>
    private const int PieceBytes = 16 * 1024;

    /// <summary>The document's matrix data, whole.</summary>
    public static string Json(DocumentView document)
    {
        var json = new StringBuilder();
        Write(document, piece => json.Append(piece));
        return json.ToString();
    }

    /// <summary>
    /// Writes the document's matrix data to <paramref name="write"/> in pieces of about 16 KB, in order, each ending
    /// after a whole JSON value: the data of a large matrix is megabytes, and is never held whole. The cells of a row
    /// the builder made are read from their <see cref="MatrixCellTable"/>, without a record per cell.
    /// </summary>
    public static void Write(DocumentView document, PieceWriter write)
    {
        var matrix = document.Matrix;
        var kinds = new Dictionary<(string Verdict, string Severity, string Symbol, string Label), int>();
        var details = new Dictionary<string, int>(StringComparer.Ordinal);
        var detailLookup = details.GetAlternateLookup<ReadOnlySpan<char>>();
        var tables = new TableIndexes(matrix, kinds, details);
        var buffer = new ArrayBufferWriter<byte>(2 * PieceBytes);
        var text = new char[Encoding.UTF8.GetMaxCharCount(2 * PieceBytes)];
        using var json = new Utf8JsonWriter(buffer, Options);

        void HandOn()
        {
            json.Flush();
            if (Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount) > text.Length)
            {
                text = new char[Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount)];
            }

            // A piece ends after a whole value, so never inside a character's bytes.
            var length = Encoding.UTF8.GetChars(buffer.WrittenSpan, text);
            write(text.AsSpan(0, length));
            buffer.ResetWrittenCount();
        }

        json.WriteStartObject();
        json.WriteStartArray("codes");
        foreach (var column in matrix.Codes)
        {
            json.WriteStringValue(column.Key);
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        if (matrix.Rows is MatrixRows built && tables.Accept(built.Cells))
        {
            // Rows the builder made: written from their facts and their cells' numbers, without a record of either.
            for (var index = 0; index < built.Count; index++)
            {
                ref readonly var row = ref built.Facts(index);
                json.WriteStartArray();
                json.WriteStringValue(row.Method);
                json.WriteStringValue(row.Operation.Path);
                WriteNullable(json, row.Operation.Summary);
                json.WriteStartArray();
                for (var column = 0; column < built.Cells.Codes.Count; column++)
                {
                    var (kind, reason) = built.Cells.Get(index, column);
                    json.WriteNumberValue(tables.Kind(kind));
                    json.WriteNumberValue(tables.Reason(reason));
                }

                json.WriteEndArray();
                WriteOptionalTail(json, row.Findings, row.HasFindingsGroup ? "" : null, usualAnchor: true, row.Overridden, customId: null,
                    IsLowerCaseOf(row.MethodClass, row.Method) ? null : row.MethodClass);
                json.WriteEndArray();
                if (json.BytesPending >= PieceBytes)
                {
                    HandOn();
                }
            }
        }
        else
        {
            for (var index = 0; index < matrix.Rows.Count; index++)
            {
                WriteRow(json, document, matrix.Rows[index], index, tables, kinds, detailLookup);
                if (json.BytesPending >= PieceBytes)
                {
                    HandOn();
                }
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("kinds");
        foreach (var kind in kinds.OrderBy(entry => entry.Value).Select(entry => entry.Key))
        {
            json.WriteStartArray();
            json.WriteStringValue(kind.Verdict);
            json.WriteStringValue(kind.Severity);
            json.WriteStringValue(kind.Symbol);
            json.WriteStringValue(kind.Label);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("details");
        foreach (var detail in details.OrderBy(entry => entry.Value).Select(entry => entry.Key))
        {
            json.WriteStringValue(detail);
            if (json.BytesPending >= PieceBytes)
            {
                HandOn();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        HandOn();
    }

    /// <summary>
    /// The data's indexes of a <see cref="MatrixCellTable"/>'s kinds and reasons, each found once: what lets a row the
    /// builder made be written from its table's numbers. A row whose cells are records of their own, or whose method
    /// and path no longer make the detail's start (a template's model changed with <c>with</c>), is written from its
    /// records instead.
    /// </summary>
    private sealed class TableIndexes(
        MatrixView matrix,
        Dictionary<(string Verdict, string Severity, string Symbol, string Label), int> kinds,
        Dictionary<string, int> details)
    {
        private MatrixCellTable? _table;
        private bool _sameColumns;
        private int[] _kinds = [];
        private int[] _reasons = [];

        /// <summary>Whether cells of <paramref name="table"/> can be written from its numbers: the page makes a cell's detail with its column's code.</summary>
        public bool Accept(MatrixCellTable table)
        {
            if (!ReferenceEquals(table, _table))
            {
                _table = table;
                _sameColumns = matrix.Codes.Select(column => column.Key).SequenceEqual(table.Codes, StringComparer.Ordinal);
                _kinds = Unassigned(table.Kinds.Count);
                _reasons = Unassigned(table.Reasons.Count);
            }

            return _sameColumns;
        }

        /// <summary>The table <paramref name="row"/>'s cells are read from, when they can be written from it.</summary>
        public MatrixCellTable? For(MatrixRowView row)
        {
            if (row.Cells is not MatrixCells { Table: var table } cells)
            {
                return null;
            }

            // A row changed with `with` may name another operation than its cells' details start with.
            var (method, path) = table.OperationOf(cells.Row);
            return Accept(table) && string.Equals(method, row.Method, StringComparison.Ordinal) && string.Equals(path, row.Path, StringComparison.Ordinal) ? table : null;
        }

        public int Kind(int kind)
        {
            if (_kinds[kind] < 0)
            {
                var cell = _table!.Kinds[kind];
                _kinds[kind] = IndexOf(kinds, (cell.Verdict, cell.Severity, cell.Symbol, cell.Label));
            }

            return _kinds[kind];
        }

        public int Reason(int reason) => _reasons[reason] >= 0 ? _reasons[reason] : _reasons[reason] = IndexOf(details, _table!.Reasons[reason]);

        private static int[] Unassigned(int count)
        {
            var indexes = new int[count];
            Array.Fill(indexes, -1);
            return indexes;
        }
    }

    /// <summary>A row that is a record (a template's model changed with <c>with</c>): its cells from their table when they still can be.</summary>
    private static void WriteRow(
        Utf8JsonWriter json,
        DocumentView document,
        MatrixRowView row,
        int index,
        TableIndexes tables,
        Dictionary<(string Verdict, string Severity, string Symbol, string Label), int> kinds,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> details)
    {
        json.WriteStartArray();
        json.WriteStringValue(row.Method);
        json.WriteStringValue(row.Path);
        WriteNullable(json, row.Summary);
        json.WriteStartArray();
        if (tables.For(row) is { } table)
        {
            var cells = (MatrixCells)row.Cells;
            for (var column = 0; column < table.Codes.Count; column++)
            {
                var (kind, reason) = table.Get(cells.Row, column);
                json.WriteNumberValue(tables.Kind(kind));
                json.WriteNumberValue(tables.Reason(reason));
            }
        }
        else
        {
            foreach (var cell in row.Cells)
            {
                json.WriteNumberValue(IndexOf(kinds, (cell.Verdict, cell.Severity, cell.Symbol, cell.Label)));
                var where = PrefixLength(cell.Detail, row, cell.Code);
                json.WriteNumberValue(where >= 0 ? IndexOf(details, cell.Detail.AsSpan(where)) : -1 - IndexOf(details, cell.Detail));
            }
        }

        json.WriteEndArray();
        var usualId = string.Create(CultureInfo.InvariantCulture, $"{document.Id}-op-{index + 1}");
        WriteOptionalTail(json, row.Findings, row.FindingsAnchor, row.FindingsAnchor == row.Id + "-findings", row.Overridden,
            row.Id != usualId ? row.Id : null, row.MethodClass != row.Method.ToLowerInvariant() ? row.MethodClass : null);
        json.WriteEndArray();
    }

    /// <summary>
    /// findings, findingsAnchor, overridden, id, methodClass: written up to the last one that differs from its usual
    /// value (no findings, no anchor, not overridden, the usual id, the lower-case method); an anchor that is the usual
    /// one (<c>{id}-findings</c>) is written <c>1</c>.
    /// </summary>
    private static void WriteOptionalTail(Utf8JsonWriter json, int findings, string? anchor, bool usualAnchor, bool overridden, string? customId, string? customClass)
    {
        var last = customClass is not null ? 5 : customId is not null ? 4 : overridden ? 3 : anchor is not null ? 2 : findings != 0 ? 1 : 0;
        if (last >= 1)
        {
            json.WriteNumberValue(findings);
        }

        if (last >= 2)
        {
            if (anchor is null)
            {
                json.WriteNullValue();
            }
            else if (usualAnchor)
            {
                json.WriteNumberValue(1);
            }
            else
            {
                json.WriteStringValue(anchor);
            }
        }

        if (last >= 3)
        {
            json.WriteNumberValue(overridden ? 1 : 0);
        }

        if (last >= 4)
        {
            WriteNullable(json, customId);
        }

        if (last >= 5)
        {
            json.WriteStringValue(customClass);
        }
    }

    /// <summary>Whether <paramref name="lower"/> is <paramref name="method"/> in lower case, compared in place.</summary>
    private static bool IsLowerCaseOf(string lower, string method)
    {
        if (lower.Length != method.Length)
        {
            return false;
        }

        for (var i = 0; i < method.Length; i++)
        {
            if (char.ToLowerInvariant(method[i]) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>The length of <c>"METHOD path · code: "</c> at the start of <paramref name="detail"/>, or -1 when it does not start so.</summary>
    private static int PrefixLength(string detail, MatrixRowView row, string code)
    {
        var at = 0;
        foreach (var part in (ReadOnlySpan<string>)[row.Method, " ", row.Path, " · ", code, ": "])
        {
            if (!detail.AsSpan(at).StartsWith(part, StringComparison.Ordinal))
            {
                return -1;
            }

            at += part.Length;
        }

        return at;
    }

    private static int IndexOf(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table, ReadOnlySpan<char> value)
    {
        if (!table.TryGetValue(value, out var index))
        {
            index = table.Dictionary.Count;
            table[value] = index;
        }

        return index;
    }

    private static int IndexOf<T>(Dictionary<T, int> table, T value)
        where T : notnull
    {
        if (!table.TryGetValue(value, out var index))
        {
            table[value] = index = table.Count;
        }

        return index;
    }
}
