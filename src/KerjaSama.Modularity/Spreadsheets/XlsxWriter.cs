using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>
/// Writes formatted XLSX workbooks with the SpreadCheetah library (ADR 0017): a small fixed set of looks
/// (<see cref="XlsxStyle"/>), Rupiah as whole numbers with thousands separators, column widths, merges, frozen rows;
/// then <see cref="XlsxPrintSetup"/> adds what SpreadCheetah does not write (the page setup for printing).
/// </summary>
public static class XlsxWriter
{
    /// <summary>The media type of an XLSX workbook.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook with the given sheets, in order.</summary>
    public static async Task<byte[]> WriteAsync(IReadOnlyList<XlsxSheet> sheets, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        var options = new SpreadCheetahOptions { DefaultFont = new DefaultFont { Name = "Arial", Size = 10 } };
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, options, ct))
        {
            var styles = Styles(spreadsheet);
            foreach (var sheet in sheets)
            {
                var worksheet = new WorksheetOptions { FrozenRows = sheet.FrozenRows > 0 ? sheet.FrozenRows : null };
                for (var i = 0; i < sheet.Widths.Count; i++)
                    worksheet.Column(i + 1).Width = sheet.Widths[i];
                await spreadsheet.StartWorksheetAsync(sheet.Name, worksheet, ct);
                foreach (var row in sheet.Rows)
                {
                    Cell[] cells = [.. row.Select(c => Cell(c, styles))];
                    if (Height(sheet, row) is { } height)
                        await spreadsheet.AddRowAsync(cells, new RowOptions { Height = height }, ct);
                    else
                        await spreadsheet.AddRowAsync(cells, ct);
                }
                foreach (var merge in sheet.Merges)
                    spreadsheet.MergeCells(merge);
            }

            await spreadsheet.FinishAsync(ct);
        }

        XlsxPrintSetup.Apply(stream, sheets);
        return stream.ToArray();
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => SpreadsheetUtility.GetColumnName(index + 1);

    // Neither Excel nor LibreOffice grows a row for wrapped text on opening a file, so a printed long cell would be cut:
    // estimate the lines each wrapped cell needs at its column's width (in characters of the default font), wrapping
    // by words and counting capitals and digits wider than small letters.
    private static double? Height(XlsxSheet sheet, List<XlsxCell> row)
    {
        var lines = 1;
        for (var i = 0; i < row.Count && i < sheet.Widths.Count; i++)
        {
            if (row[i].Style is not (XlsxStyle.Text or XlsxStyle.Header) || row[i].Value is not string text || text.Length == 0)
                continue;
            var perLine = Math.Max(1, sheet.Widths[i] - 1.5);
            lines = Math.Max(lines, text.Split('\n').Sum(part => WrappedLines(part.TrimEnd('\r'), perLine)));
        }

        return lines > 1 ? Math.Min(409, (lines * 12.75) + 3) : null;
    }

    private static int WrappedLines(string text, double perLine)
    {
        var lines = 1;
        var used = 0d;
        foreach (var word in text.Split(' '))
        {
            var width = word.Sum(c => char.IsUpper(c) || char.IsDigit(c) ? 1.2 : 1.0);
            if (used > 0 && used + 1 + width > perLine)
            {
                lines++;
                used = 0;
            }

            used += (used > 0 ? 1 : 0) + width;
            while (used > perLine)
            {
                lines++;
                used -= perLine;
            }
        }

        return lines;
    }

    private static Cell Cell(XlsxCell cell, Dictionary<XlsxStyle, StyleId> styles)
    {
        var style = styles.GetValueOrDefault(cell.Style);
        return cell.Value switch
        {
            null => new Cell((string?)null, style),
            int i => new Cell(i, style),
            long l => new Cell(l, style),
            decimal d => new Cell(d, style),
            var other => new Cell(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture), style),
        };
    }

    private static Dictionary<XlsxStyle, StyleId> Styles(Spreadsheet spreadsheet)
    {
        var blue = Color.FromArgb(0xD9, 0xE1, 0xF2);
        var grey = Color.FromArgb(0xF2, 0xF2, 0xF2);
        var thousands = NumberFormat.Standard(StandardNumberFormat.ThousandsSeparator);
        Style Boxed(bool bold = false, Color? fill = null, NumberFormat? format = null, HorizontalAlignment horizontal = HorizontalAlignment.None,
            VerticalAlignment vertical = VerticalAlignment.Top, bool wrap = false)
        {
            var style = new Style { Format = format };
            style.Font.Bold = bold;
            style.Fill.Color = fill;
            style.Border.Left.BorderStyle = BorderStyle.Thin;
            style.Border.Right.BorderStyle = BorderStyle.Thin;
            style.Border.Top.BorderStyle = BorderStyle.Thin;
            style.Border.Bottom.BorderStyle = BorderStyle.Thin;
            style.Alignment.Horizontal = horizontal;
            style.Alignment.Vertical = vertical;
            style.Alignment.WrapText = wrap;
            return style;
        }

        var title = new Style();
        title.Font.Bold = true;
        title.Font.Size = 13;
        return new Dictionary<XlsxStyle, StyleId>
        {
            [XlsxStyle.Header] = spreadsheet.AddStyle(Boxed(bold: true, fill: blue, horizontal: HorizontalAlignment.Center, vertical: VerticalAlignment.Center, wrap: true)),
            [XlsxStyle.Text] = spreadsheet.AddStyle(Boxed(wrap: true)),
            [XlsxStyle.Rupiah] = spreadsheet.AddStyle(Boxed(format: thousands)),
            [XlsxStyle.Group] = spreadsheet.AddStyle(Boxed(bold: true, fill: grey, wrap: true)),
            [XlsxStyle.Total] = spreadsheet.AddStyle(Boxed(bold: true, fill: grey, format: thousands, vertical: VerticalAlignment.Bottom)),
            [XlsxStyle.Title] = spreadsheet.AddStyle(title),
            [XlsxStyle.Number] = spreadsheet.AddStyle(Boxed(format: NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces), horizontal: HorizontalAlignment.Center)),
            [XlsxStyle.TotalLabel] = spreadsheet.AddStyle(Boxed(bold: true, fill: grey, horizontal: HorizontalAlignment.Right, vertical: VerticalAlignment.Bottom)),
        };
    }
}
