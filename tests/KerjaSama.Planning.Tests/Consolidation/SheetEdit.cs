using MiniExcelLibs;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>
/// Edits an exported workbook as a person would in a spreadsheet program, with MiniExcel (the library the platform reads
/// workbooks with): read the first sheet by its header, change cells, add lines, save a new workbook.
/// </summary>
internal sealed class SheetEdit
{
    private SheetEdit(List<string> header, List<Dictionary<string, object?>> lines)
    {
        Header = header;
        Lines = lines;
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
        stream.SaveAs(Lines.Select(l => Header.ToDictionary(h => h, h => l.GetValueOrDefault(h))), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
