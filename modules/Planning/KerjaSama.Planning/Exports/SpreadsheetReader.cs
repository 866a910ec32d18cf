using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KerjaSama.Planning.Exports;

/// <summary>A line of a spreadsheet: its number in the file (1 = the header) and its cells as text.</summary>
internal sealed record SheetLine(int Number, IReadOnlyList<string> Cells);

/// <summary>Reads the first worksheet of an XLSX file or a CSV text into lines of text cells.</summary>
internal static class SpreadsheetReader
{
    /// <summary>The lines, or null when the bytes are neither a readable workbook nor UTF-8 text.</summary>
    public static List<SheetLine>? Read(byte[] content)
    {
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K')
            return ReadXlsx(content);
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return text.Contains('\0', StringComparison.Ordinal) ? null : ReadCsv(text.TrimStart('\uFEFF'));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static List<SheetLine>? ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id)
                return null;
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var sheet = (WorksheetPart)workbook.GetPartById(id);
            var lines = new List<SheetLine>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(Text(cell, shared));
                }

                lines.Add(new SheetLine((int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1)), cells));
            }

            return lines;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return null;
        }
    }

    private static string Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return raw == "1" ? "true" : "false";
        // Numbers as Excel stores them: 1500000, or 1.5E+6 for large ones.
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number.ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a line's number is where it starts.</summary>
    private static List<SheetLine>? ReadCsv(string text)
    {
        var lines = new List<SheetLine>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(field.ToString());
                    field.Clear();
                    lines.Add(new SheetLine(start, cells));
                    cells = [];
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
            return null;
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            lines.Add(new SheetLine(start, cells));
        }

        return lines;
    }
}
