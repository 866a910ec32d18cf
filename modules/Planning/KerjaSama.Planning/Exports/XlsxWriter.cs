using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KerjaSama.Planning.Exports;

/// <summary>The few cell looks the exports use.</summary>
internal enum XlsxStyle : uint
{
    Plain = 0,
    Header = 1,
    Text = 2,
    Rupiah = 3,
    Group = 4,
    Total = 5,
    Title = 6,
    Number = 7,
    TotalLabel = 8,
}

/// <summary>One cell: a string, a whole number (Rupiah, years) or empty.</summary>
internal readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Text);

/// <summary>A worksheet to write: rows of cells, column widths, merged ranges, frozen header rows, print setup.</summary>
internal sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;

    public List<double> Widths { get; } = [];

    public List<List<XlsxCell>> Rows { get; } = [];

    public List<string> Merges { get; } = [];

    public int FrozenRows { get; set; }

    public bool Landscape { get; set; } = true;

    public List<XlsxCell> AddRow(params XlsxCell[] cells)
    {
        var row = cells.ToList();
        Rows.Add(row);
        return row;
    }
}

/// <summary>
/// Writes formatted XLSX workbooks with the Open XML SDK: inline strings (no shared-string table to keep in step),
/// a small fixed stylesheet, Rupiah as whole numbers with thousands separators.
/// </summary>
internal static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        if (sheet.FrozenRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = sheet.FrozenRows, TopLeftCell = $"A{sheet.FrozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        }

        if (sheet.Widths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < sheet.Widths.Count; i++)
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Widths[i], CustomWidth = true });
            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                var cell = sheet.Rows[r][c];
                row.Append(Cell(ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture), cell));
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (sheet.Merges.Count > 0)
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, PaperSize = 9 });
        return worksheet;
    }

    private static Cell Cell(string reference, XlsxCell cell)
    {
        var result = new Cell { CellReference = reference, StyleIndex = (uint)cell.Style };
        switch (cell.Value)
        {
            case null:
                break;
            case long or int or decimal:
                result.DataType = CellValues.Number;
                result.CellValue = new CellValue(Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!);
                break;
            default:
                result.DataType = CellValues.InlineString;
                result.InlineString = new InlineString(new Text(Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve });
                break;
        }

        return result;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Arial" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFF2F2F2"));
        var thin = new BorderPropertiesType[] { new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder() };
        foreach (var side in thin)
        {
            side.Style = BorderStyleValues.Thin;
            side.Append(new Color { Auto = true });
        }

        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(thin[0], thin[1], thin[2], thin[3], new DiagonalBorder()));
        var wrapTop = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top };
        CellFormat Format(uint font, uint fill, uint border, uint numFmt, Alignment? alignment = null)
        {
            var format = new CellFormat
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt, ApplyFont = font > 0, ApplyFill = fill > 0,
                ApplyBorder = border > 0, ApplyNumberFormat = numFmt > 0,
            };
            if (alignment is not null)
            {
                format.Append((Alignment)alignment.CloneNode(true));
                format.ApplyAlignment = true;
            }

            return format;
        }

        var formats = new CellFormats(
            Format(0, 0, 0, 0),                                                                                          // Plain
            Format(1, 2, 1, 0, new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center }),
            Format(0, 0, 1, 0, wrapTop),                                                                                 // Text
            Format(0, 0, 1, 3, new Alignment { Vertical = VerticalAlignmentValues.Top }),                                // Rupiah #,##0
            Format(1, 3, 1, 0, wrapTop),                                                                                 // Group
            Format(1, 3, 1, 3),                                                                                          // Total
            Format(2, 0, 0, 0),                                                                                          // Title
            Format(0, 0, 1, 1, new Alignment { Vertical = VerticalAlignmentValues.Top, Horizontal = HorizontalAlignmentValues.Center }), // Number
            Format(1, 3, 1, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Right }));                          // TotalLabel
        return new Stylesheet(fonts, fills, borders, formats);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
