using System.Text;
using KerjaSama.Modularity.Csv;

namespace KerjaSama.Planning.Exports;

/// <summary>A line of a spreadsheet: its number in the file (1 = the header) and its cells as text.</summary>
internal sealed record SheetLine(int Number, IReadOnlyList<string> Cells);

/// <summary>The lines of a sheet, or why it was refused; both null: neither a readable workbook nor UTF-8 text.</summary>
internal sealed record SheetRead(List<SheetLine>? Lines, SheetProblem? Problem);

/// <summary>Reads the first worksheet of an XLSX file or a CSV text into lines of text cells, within <see cref="SpreadsheetLimits"/>.</summary>
internal static class SpreadsheetReader
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

            return new SheetRead(text.Contains('\0', StringComparison.Ordinal) ? null : ReadCsv(text.TrimStart('\uFEFF'), limits), null);
        }
        catch (SheetRefusedException refused)
        {
            return new SheetRead(null, refused.Problem);
        }
    }

    /// <summary>Throws when a line is wider than the limit or there are more lines than the limit.</summary>
    public static void CheckBounds(List<SheetLine> lines, IReadOnlyList<string> cells, SpreadsheetLimits limits)
    {
        if (cells.Count > limits.MaxColumns)
            throw new SheetRefusedException(SheetProblem.TooLarge("columns", $"A line has more than {limits.MaxColumns} columns."));
        if (lines.Count > limits.MaxRows)
            throw new SheetRefusedException(SheetProblem.TooLarge("rows", $"The sheet has more than {limits.MaxRows} lines after the header."));
    }

    /// <summary>
    /// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a line's number is where it starts. A cell
    /// the exports neutralised (an apostrophe before =, +, -, @, tab or CR) reads back as it was.
    /// </summary>
    private static List<SheetLine>? ReadCsv(string text, SpreadsheetLimits limits)
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
                    cells.Add(CsvCells.Restore(field.ToString()));
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(CsvCells.Restore(field.ToString()));
                    field.Clear();
                    CheckBounds(lines, cells, limits);
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
            cells.Add(CsvCells.Restore(field.ToString()));
            CheckBounds(lines, cells, limits);
            lines.Add(new SheetLine(start, cells));
        }

        return lines;
    }
}
