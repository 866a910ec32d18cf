using System.Text;
using KerjaSama.Modularity.Csv;

namespace KerjaSama.Registry.Csv;

/// <summary>One record of a CSV file with the 1-based line number it starts on.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF and CR all end a record.
/// A leading byte-order mark is skipped. Blank lines are skipped. A cell the exports neutralised (an apostrophe before
/// =, +, -, @, tab or CR; <see cref="CsvCells"/>) reads back as it was.
/// </summary>
internal static class CsvReader
{
    public static List<CsvRow> Parse(string text)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                        line++;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(CsvCells.Restore(field.ToString()));
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        EndRecord();
        return rows;

        void EndRecord()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(CsvCells.Restore(field.ToString()));
                rows.Add(new CsvRow(recordLine, [.. fields]));
            }

            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }
}
