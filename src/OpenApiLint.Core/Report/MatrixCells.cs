using System.Collections;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Report;

/// <summary>
/// The cells of one document's status-code matrix, stored compactly: two numbers per cell (its kind and its reason),
/// over tables of the distinct kinds and reasons. Microsoft Graph beta has 22,000 operations × 4 codes; a record per
/// cell cost more than the rest of the report, while the built-in page reads none of them (it writes the matrix as
/// <see cref="MatrixData"/>, straight from here). Rows see their cells as <see cref="MatrixCells"/>, made on access.
/// </summary>
internal sealed class MatrixCellTable
{
    private readonly List<CellKind> _kinds = [];
    private readonly Dictionary<CellKind, int> _kindIndex = [];
    private readonly List<string> _reasons = [];
    private readonly Dictionary<string, int> _reasonIndex = new(StringComparer.Ordinal);
    private readonly int[] _cells;
    private readonly (string Method, string Path)[] _operations;

    public MatrixCellTable(IReadOnlyList<string> codes, int rows)
    {
        Codes = codes;
        _cells = new int[checked(rows * codes.Count * 2)];
        _operations = new (string, string)[rows];
    }

    /// <summary>The columns' status keys.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The distinct kinds of cell, by index.</summary>
    public IReadOnlyList<CellKind> Kinds => _kinds;

    /// <summary>The distinct reasons (what a cell's detail says after <c>{operation} · {code}: </c>), by index.</summary>
    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>The index of <paramref name="kind"/> in <see cref="Kinds"/>, added when new.</summary>
    public int Kind(CellKind kind)
    {
        if (!_kindIndex.TryGetValue(kind, out var index))
        {
            _kindIndex[kind] = index = _kinds.Count;
            _kinds.Add(kind);
        }

        return index;
    }

    /// <summary>The index of <paramref name="reason"/> in <see cref="Reasons"/>, added when new.</summary>
    public int Reason(string reason)
    {
        if (!_reasonIndex.TryGetValue(reason, out var index))
        {
            _reasonIndex[reason] = index = _reasons.Count;
            _reasons.Add(reason);
        }

        return index;
    }

    /// <summary>Names the operation of <paramref name="row"/>: its cells' details start <c>{method} {path} · </c>.</summary>
    public void SetOperation(int row, string method, string path) => _operations[row] = (method, path);

    /// <summary>The upper-case method and the path of <paramref name="row"/>'s operation.</summary>
    public (string Method, string Path) OperationOf(int row) => _operations[row];

    /// <summary>Sets the cell at <paramref name="row"/> × <paramref name="column"/> to a kind and a reason (indexes).</summary>
    public void Set(int row, int column, int kind, int reason)
    {
        var at = (row * Codes.Count + column) * 2;
        _cells[at] = kind;
        _cells[at + 1] = reason;
    }

    /// <summary>The kind and reason (indexes) of the cell at <paramref name="row"/> × <paramref name="column"/>.</summary>
    public (int Kind, int Reason) Get(int row, int column)
    {
        var at = (row * Codes.Count + column) * 2;
        return (_cells[at], _cells[at + 1]);
    }

    /// <summary>The cell at <paramref name="row"/> × <paramref name="column"/> as the view model shows it.</summary>
    public MatrixCellView View(int row, int column)
    {
        var (kind, reason) = Get(row, column);
        var cell = _kinds[kind];
        var (method, path) = _operations[row];
        return new MatrixCellView(Codes[column], cell.Declared, cell.Verdict, cell.Severity, cell.Symbol, cell.Label, $"{method} {path}", _reasons[reason]);
    }
}

/// <summary>What a cell shows, but for its code and detail.</summary>
internal readonly record struct CellKind(string Verdict, string Severity, string Symbol, string Label, bool Declared);

/// <summary>One row's cells, read from its <see cref="MatrixCellTable"/>: a <see cref="MatrixCellView"/> is made each time one is read.</summary>
internal sealed class MatrixCells(MatrixCellTable table, int row) : ReadOnlyViewList<MatrixCellView>
{
    /// <summary>The table the cells are read from.</summary>
    public MatrixCellTable Table => table;

    /// <summary>The row's index in <see cref="Table"/>.</summary>
    public int Row => row;

    public override int Count => table.Codes.Count;

    protected override MatrixCellView Get(int index) => table.View(row, index);
}

/// <summary>What a matrix row shows besides its cells, for one operation.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Method">Its method, upper case.</param>
/// <param name="MethodClass">Its method, lower case.</param>
/// <param name="Ruleset">The name of the ruleset in force for it.</param>
/// <param name="Overridden">Whether an override applies to it.</param>
/// <param name="Findings">How many reported findings concern it.</param>
/// <param name="HasFindingsGroup">Whether it has a group in <see cref="DocumentView.FindingsByOperation"/>, anchored <c>{row id}-findings</c>.</param>
internal readonly record struct MatrixRowFacts(ApiOperation Operation, string Method, string MethodClass, string Ruleset, bool Overridden, int Findings, bool HasFindingsGroup);

/// <summary>
/// A document's matrix rows, kept as <see cref="MatrixRowFacts"/> over the cell table: a <see cref="MatrixRowView"/>
/// (with its id, and its cells as <see cref="MatrixCells"/>) is made each time a template reads one. The built-in page
/// of a large document reads none: <see cref="MatrixData"/> writes them from here.
/// </summary>
internal sealed class MatrixRows(string documentId, MatrixCellTable cells, MatrixRowFacts[] rows) : ReadOnlyViewList<MatrixRowView>
{
    public MatrixCellTable Cells => cells;

    public override int Count => rows.Length;

    /// <summary>The facts of row <paramref name="index"/>.</summary>
    public ref readonly MatrixRowFacts Facts(int index) => ref rows[index];

    /// <summary>The anchor of row <paramref name="index"/>: <c>doc-1-op-3</c>.</summary>
    public string IdOf(int index) => RowId(documentId, index);

    /// <summary>The anchor of the row of operation <paramref name="index"/> (0-based) of document <paramref name="documentId"/>.</summary>
    public static string RowId(string documentId, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{documentId}-op-{index + 1}");

    protected override MatrixRowView Get(int index)
    {
        var row = rows[index];
        var id = IdOf(index);
        var operation = row.Operation;
        return new MatrixRowView(id, row.Method, row.MethodClass, operation.Path, operation.OperationId, operation.Summary, row.Ruleset, row.Overridden,
            row.Findings, row.HasFindingsGroup ? id + "-findings" : null, new MatrixCells(cells, index));
    }
}

/// <summary>
/// A read-only list of view-model records made on access, as Scriban reads lists (<c>size</c>, an index, <c>for</c>:
/// through the non-generic <see cref="IList"/>) and as the JSON of the model enumerates them.
/// </summary>
internal abstract class ReadOnlyViewList<T> : IReadOnlyList<T>, IList
{
    private const string ReadOnly = "The report's view model is read-only.";

    public abstract int Count { get; }

    public T this[int index] => (uint)index < (uint)Count ? Get(index) : throw new ArgumentOutOfRangeException(nameof(index));

    protected abstract T Get(int index);

    public IEnumerator<T> GetEnumerator()
    {
        for (var index = 0; index < Count; index++)
        {
            yield return Get(index);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    object? IList.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException(ReadOnly);
    }

    bool IList.IsFixedSize => true;

    bool IList.IsReadOnly => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    int IList.Add(object? value) => throw new NotSupportedException(ReadOnly);

    void IList.Clear() => throw new NotSupportedException(ReadOnly);

    bool IList.Contains(object? value) => ((IList)this).IndexOf(value) >= 0;

    int IList.IndexOf(object? value)
    {
        for (var index = 0; index < Count; index++)
        {
            if (Equals(Get(index), value))
            {
                return index;
            }
        }

        return -1;
    }

    void IList.Insert(int index, object? value) => throw new NotSupportedException(ReadOnly);

    void IList.Remove(object? value) => throw new NotSupportedException(ReadOnly);

    void IList.RemoveAt(int index) => throw new NotSupportedException(ReadOnly);

    void ICollection.CopyTo(Array array, int index)
    {
        for (var offset = 0; offset < Count; offset++)
        {
            array.SetValue(Get(offset), index + offset);
        }
    }
}
