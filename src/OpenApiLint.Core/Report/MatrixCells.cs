using System.Collections;

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
internal sealed class MatrixCells(MatrixCellTable table, int row) : IReadOnlyList<MatrixCellView>, IList
{
    /// <summary>The table the cells are read from.</summary>
    public MatrixCellTable Table => table;

    /// <summary>The row's index in <see cref="Table"/>.</summary>
    public int Row => row;

    public int Count => table.Codes.Count;

    public MatrixCellView this[int index] =>
        (uint)index < (uint)Count ? table.View(row, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<MatrixCellView> GetEnumerator()
    {
        for (var column = 0; column < Count; column++)
        {
            yield return table.View(row, column);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Read-only IList: what Scriban's list accessor reads (size, index) for any list of the model.
    object? IList.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException("The report's view model is read-only.");
    }

    bool IList.IsFixedSize => true;

    bool IList.IsReadOnly => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    int IList.Add(object? value) => throw new NotSupportedException("The report's view model is read-only.");

    void IList.Clear() => throw new NotSupportedException("The report's view model is read-only.");

    bool IList.Contains(object? value) => ((IList)this).IndexOf(value) >= 0;

    int IList.IndexOf(object? value)
    {
        for (var column = 0; column < Count; column++)
        {
            if (Equals(this[column], value))
            {
                return column;
            }
        }

        return -1;
    }

    void IList.Insert(int index, object? value) => throw new NotSupportedException("The report's view model is read-only.");

    void IList.Remove(object? value) => throw new NotSupportedException("The report's view model is read-only.");

    void IList.RemoveAt(int index) => throw new NotSupportedException("The report's view model is read-only.");

    void ICollection.CopyTo(Array array, int index)
    {
        for (var column = 0; column < Count; column++)
        {
            array.SetValue(this[column], index + column);
        }
    }
}
