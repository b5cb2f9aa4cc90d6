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
    // Readable escaping keeps non-ASCII text at its size; what makes the JSON safe in HTML is the context's escaping.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Json(DocumentView document)
    {
        var matrix = document.Matrix;
        var kinds = new Dictionary<(string Verdict, string Severity, string Symbol, string Label), int>();
        var details = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024 + matrix.Rows.Count * 192);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("codes");
            foreach (var column in matrix.Codes)
            {
                json.WriteStringValue(column.Key);
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            var detailLookup = details.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var index = 0; index < matrix.Rows.Count; index++)
            {
                var row = matrix.Rows[index];
                json.WriteStartArray();
                json.WriteStringValue(row.Method);
                json.WriteStringValue(row.Path);
                WriteNullable(json, row.Summary);
                json.WriteStartArray();
                foreach (var cell in row.Cells)
                {
                    json.WriteNumberValue(IndexOf(kinds, (cell.Verdict, cell.Severity, cell.Symbol, cell.Label)));
                    // A cell made from its reason has its detail unmade: most cells of a large matrix never need it.
                    var where = cell.Reason is null || !IsOperationOf(cell.Operation, row) ? PrefixLength(cell.Detail, row, cell.Code) : -1;
                    json.WriteNumberValue(cell.Reason is { } reason && IsOperationOf(cell.Operation, row) ? IndexOf(detailLookup, reason)
                        : where >= 0 ? IndexOf(detailLookup, cell.Detail.AsSpan(where)) : -1 - IndexOf(detailLookup, cell.Detail));
                }

                json.WriteEndArray();
                WriteOptionalTail(json, document, row, index);
                json.WriteEndArray();
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
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>findings, findingsAnchor, overridden, id, methodClass: written up to the last one that differs from its usual value.</summary>
    private static void WriteOptionalTail(Utf8JsonWriter json, DocumentView document, MatrixRowView row, int index)
    {
        var usualId = string.Create(CultureInfo.InvariantCulture, $"{document.Id}-op-{index + 1}");
        var customId = row.Id != usualId;
        var customClass = row.MethodClass != row.Method.ToLowerInvariant();
        var last = customClass ? 5 : customId ? 4 : row.Overridden ? 3 : row.FindingsAnchor is not null ? 2 : row.Findings != 0 ? 1 : 0;
        if (last >= 1)
        {
            json.WriteNumberValue(row.Findings);
        }

        if (last >= 2)
        {
            if (row.FindingsAnchor is null)
            {
                json.WriteNullValue();
            }
            else if (row.FindingsAnchor == row.Id + "-findings")
            {
                json.WriteNumberValue(1);
            }
            else
            {
                json.WriteStringValue(row.FindingsAnchor);
            }
        }

        if (last >= 3)
        {
            json.WriteNumberValue(row.Overridden ? 1 : 0);
        }

        if (last >= 4)
        {
            if (customId)
            {
                json.WriteStringValue(row.Id);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        if (last >= 5)
        {
            json.WriteStringValue(row.MethodClass);
        }
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

    /// <summary>Whether <paramref name="operation"/> is <c>METHOD path</c> of <paramref name="row"/>.</summary>
    private static bool IsOperationOf(string? operation, MatrixRowView row) =>
        operation is not null && operation.Length == row.Method.Length + 1 + row.Path.Length
        && operation.StartsWith(row.Method, StringComparison.Ordinal) && operation[row.Method.Length] == ' '
        && operation.EndsWith(row.Path, StringComparison.Ordinal);

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
