using MiniExcelLibs;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// Edits an exported workbook as a person would in a spreadsheet program, with MiniExcel (the library the platform reads
/// workbooks with): read the first sheet by its header, change cells, add lines, save a new workbook. Cells are addressed
/// by column name (<c>budget_2026</c>); the saved workbook keeps the export's headings ("Pagu Indikatif 2026 (Rp)").
/// </summary>
internal sealed class SheetEdit
{
    private readonly List<string> _headings;

    private SheetEdit(List<string> headings, List<Dictionary<string, object?>> lines)
    {
        _headings = headings;
        Header = [.. headings.Select(KerjaSama.Planning.Consolidation.MatrixHeadings.ColumnOf)];
        Lines = [.. lines.Select(l => headings.Select((h, i) => (Header[i], l.GetValueOrDefault(h))).ToDictionary(p => p.Item1, p => p.Item2))];
    }

    public List<string> Header { get; }

    public List<Dictionary<string, object?>> Lines { get; }

    public static SheetEdit Open(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        using var again = new MemoryStream(xlsx);
        var header = MiniExcel.GetColumns(again, useHeaderRow: true, excelType: ExcelType.XLSX).ToList();
        return new SheetEdit(header, rows);
    }

    public Dictionary<string, object?> Line(Guid rowId) => Lines.Single(l => l["row_id"]?.ToString() == rowId.ToString());

    public Dictionary<string, object?> AddLine(Dictionary<string, object?> values)
    {
        var line = Header.ToDictionary(h => h, h => values.GetValueOrDefault(h));
        Lines.Add(line);
        return line;
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Lines.Select(l => Header.Select((h, i) => (_headings[i], l.GetValueOrDefault(h))).ToDictionary(p => p.Item1, p => p.Item2)),
            excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
