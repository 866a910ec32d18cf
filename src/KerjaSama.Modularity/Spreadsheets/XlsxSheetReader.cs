using System.Globalization;
using MiniExcelLibs;

namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>
/// The first worksheet of an XLSX file as text lines, read by the MiniExcel library (shared and inline strings, numbers,
/// booleans, dates: ADR 0017) once <see cref="XlsxGuard"/> has bounded the package and checked every cell reference.
/// </summary>
internal static class XlsxSheetReader
{
    /// <summary>The lines, or null when the file is not a readable workbook; throws <see cref="SheetRefusedException"/> past a limit.</summary>
    public static List<SheetLine>? Read(byte[] content, SpreadsheetLimits limits)
    {
        if (!XlsxGuard.Check(content, limits))
            return null;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var lines = new List<SheetLine>();
            // Without a header row MiniExcel yields every row from row 1 (gaps as empty rows), keyed by column letter.
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                var cells = row.Values.Select(Text).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                    cells.RemoveAt(cells.Count - 1);
                SpreadsheetReader.CheckBounds(lines.Count, cells.Count, limits);
                lines.Add(new SheetLine(lines.Count + 1, cells));
            }

            return lines;
        }
        catch (Exception ex) when (ex is not SheetRefusedException and not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        // Numbers as a person typed them: 1500000, not 1.5E+6; whole Rupiah stay exact up to 15 digits.
        double d when Math.Abs(d) < 7.9e27 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
