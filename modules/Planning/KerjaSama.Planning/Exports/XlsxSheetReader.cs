using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KerjaSama.Planning.Exports;

/// <summary>
/// The first worksheet of an XLSX file as text lines. The package is measured first (entries, and every entry inflated
/// through a counter, so a zip that understates its sizes is caught too); then the sheet is read row by row, and each
/// cell reference is checked before it decides where the cell goes.
/// </summary>
internal static class XlsxSheetReader
{
    /// <summary>The lines, or null when the file is not a readable workbook; throws <see cref="SheetRefusedException"/> past a limit.</summary>
    public static List<SheetLine>? Read(byte[] content, SpreadsheetLimits limits)
    {
        try
        {
            Measure(content, limits);
            using var stream = new MemoryStream(content);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id)
                return null;
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            return ReadRows((WorksheetPart)workbook.GetPartById(id), shared, limits);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            return null;
        }
    }

    private static void Measure(byte[] content, SpreadsheetLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxEntries)
            throw new SheetRefusedException(SheetProblem.TooLarge("entries", $"The workbook has more than {limits.MaxEntries} parts."));
        var buffer = new byte[64 * 1024];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var inflated = entry.Open();
            int read;
            while ((read = inflated.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxUncompressedBytes)
                {
                    throw new SheetRefusedException(SheetProblem.TooLarge("uncompressedBytes",
                        $"The workbook unzips to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MiB."));
                }
            }
        }
    }

    private static List<SheetLine> ReadRows(WorksheetPart sheet, List<string> shared, SpreadsheetLimits limits)
    {
        var lines = new List<SheetLine>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            var row = (Row)reader.LoadCurrentElement()!;
            if (row.RowIndex?.Value is > SpreadsheetLimits.ExcelRows or 0)
                throw new SheetRefusedException(SheetProblem.BadReference(row.RowIndex.Value.ToString(CultureInfo.InvariantCulture)));
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column >= limits.MaxColumns)
                    throw new SheetRefusedException(SheetProblem.TooLarge("columns", $"A line has more than {limits.MaxColumns} columns."));
                while (cells.Count < column)
                    cells.Add("");
                cells.Add(Text(cell, shared));
            }

            SpreadsheetReader.CheckBounds(lines, cells, limits);
            lines.Add(new SheetLine((int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1)), cells));
        }

        return lines;
    }

    /// <summary>The 0-based column of a reference such as B7: one to three letters up to XFD, then a row from 1 to 1048576.</summary>
    private static int ColumnIndex(string reference)
    {
        var letters = 0;
        var index = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]) && letters < 4)
            index = (index * 26) + (char.ToUpperInvariant(reference[letters++]) - 'A' + 1);
        var digits = reference.AsSpan(letters);
        if (letters is 0 or > 3 || index > SpreadsheetLimits.ExcelColumns || digits.Length is 0 or > 7 || digits.ContainsAnyExceptInRange('0', '9')
            || digits[0] == '0' || int.Parse(digits, CultureInfo.InvariantCulture) > SpreadsheetLimits.ExcelRows)
        {
            throw new SheetRefusedException(SheetProblem.BadReference(reference));
        }

        return index - 1;
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
}
