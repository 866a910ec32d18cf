using System.Text;
using KerjaSama.Modularity.Csv;

namespace KerjaSama.Modularity.Spreadsheets;

/// <summary>A line of a spreadsheet: its number in the file (1 = the header) and its cells as text.</summary>
public sealed record SheetLine(int Number, IReadOnlyList<string> Cells);

/// <summary>The lines of a sheet, or why it was refused; both null: neither a readable workbook nor UTF-8 text.</summary>
public sealed record SheetRead(List<SheetLine>? Lines, SheetProblem? Problem);

/// <summary>
/// Reads the first worksheet of an XLSX file (<see cref="XlsxSheetReader"/>) or a CSV text (<see cref="CsvFile"/>, which
/// restores the cells the exports neutralised) into lines of text cells, within <see cref="SpreadsheetLimits"/>.
/// </summary>
public static class SpreadsheetReader
{
    public static SheetRead Read(byte[] content, SpreadsheetLimits limits)
    {
        try
        {
            if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K')
                return new SheetRead(XlsxSheetReader.Read(content, limits), null);
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                return new SheetRead(null, null);
            }

            if (text.Contains('\0', StringComparison.Ordinal) || CsvFile.HasUnclosedQuote(text))
                return new SheetRead(null, null);
            var records = CsvFile.Read(text, (read, record) => CheckBounds(read.Count, record.Fields.Count, limits));
            return new SheetRead([.. records.Select(r => new SheetLine(r.Line, r.Fields))], null);
        }
        catch (SheetRefusedException refused)
        {
            return new SheetRead(null, refused.Problem);
        }
    }

    /// <summary>Throws when a line is wider than the limit or there are more lines than the limit.</summary>
    public static void CheckBounds(int linesSoFar, int cells, SpreadsheetLimits limits)
    {
        if (cells > limits.MaxColumns)
            throw new SheetRefusedException(SheetProblem.TooLarge("columns", $"A line has more than {limits.MaxColumns} columns."));
        if (linesSoFar > limits.MaxRows)
            throw new SheetRefusedException(SheetProblem.TooLarge("rows", $"The sheet has more than {limits.MaxRows} lines after the header."));
    }
}
