using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KerjaSama.Planning.Tests.Consolidation;

/// <summary>Opens an exported workbook back with the Open XML SDK and reads its first sheet as text cells (row by row, A = index 0).</summary>
internal static class Xlsx
{
    // firstStyleOfBudget: the number format of the first number of at least a million (an indicative budget).
    public static List<List<string>> Read(byte[] bytes, out List<string> merges, out string? firstStyleOfBudget)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        merges = [.. part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!)];
        firstStyleOfBudget = null;
        var rows = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                // Writers may leave the reference out (SpreadCheetah does): then the cell follows the previous one.
                var column = cell.CellReference?.Value is { } reference ? Column(reference) : cells.Count;
                while (cells.Count < column)
                    cells.Add("");
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
                if ((cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue is not null && firstStyleOfBudget is null && cell.StyleIndex is not null && text.Length >= 7)
                {
                    var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex.Value);
                    firstStyleOfBudget = format.NumberFormatId?.Value.ToString(CultureInfo.InvariantCulture);
                }

                cells.Add(text);
            }

            rows.Add(cells);
        }

        return rows;
    }

    public static List<List<string>> Read(byte[] bytes) => Read(bytes, out _, out _);

    private static int Column(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
            index = (index * 26) + (c - 'A' + 1);
        return index - 1;
    }
}
