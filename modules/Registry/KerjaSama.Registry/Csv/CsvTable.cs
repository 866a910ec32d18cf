using KerjaSama.Modularity.Csv;

namespace KerjaSama.Registry.Csv;

/// <summary>A CSV file (read by <see cref="CsvFile"/>) whose first record is a header: fields are read by column name.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, List<CsvRecord> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>Parses text whose first record is the header; returns the header's missing required columns, if any.</summary>
    public static CsvTable Parse(string text, IReadOnlyList<string> required, out List<string> missing)
    {
        var all = CsvFile.Read(text);
        var header = all.Count > 0 ? all[0].Fields : [];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
            columns.TryAdd(header[i].Trim(), i);
        missing = [.. required.Where(c => !columns.ContainsKey(c))];
        return new CsvTable(columns, all.Count > 0 ? all.GetRange(1, all.Count - 1) : []);
    }

    /// <summary>An export: the header, then the rows (text neutralised against formulas by <see cref="CsvFile"/>).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) => CsvFile.Write([header, .. rows]);

    public int ColumnCount => _columns.Count;

    public string Get(CsvRecord row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";

    public string? GetOrNull(CsvRecord row, string column) => Get(row, column) is { Length: > 0 } s ? s : null;
}
