using System.Text;
using nietras.SeparatedValues;

namespace KerjaSama.Modularity.Csv;

/// <summary>One record of a CSV file with the 1-based physical line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// CSV (RFC 4180, comma-separated) read and written with the Sep library (ADR 0017): quoting of commas, quotes and line
/// breaks, CRLF/LF/CR line ends. The platform adds its formula-cell rule (<see cref="CsvCells"/>) on both sides.
/// </summary>
public static class CsvFile
{
    private static readonly Sep Comma = new(',');

    /// <summary>Records of cells (<see cref="CsvCells.Cell"/> neutralises text), each ended by <paramref name="lineEnd"/>.</summary>
    public static string Write(IEnumerable<IEnumerable<object?>> records, string lineEnd = "\n")
    {
        ArgumentNullException.ThrowIfNull(records);
        // Sep ends each record with the text writer's NewLine; line breaks inside quoted fields stay as they are.
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = lineEnd };
        using (var writer = Sep.Writer(o => o with
        {
            Sep = Comma, WriteHeader = false, Escape = true, DisableColCountCheck = true, ColNotSetOption = SepColNotSetOption.Empty,
        }).To(text))
        {
            foreach (var record in records)
            {
                using var row = writer.NewRow();
                var i = 0;
                foreach (var value in record)
                    row[i++].Set(CsvCells.Cell(value));
            }
        }

        return text.ToString();
    }

    /// <summary>UTF-8 with a byte-order mark: spreadsheet programs then read the accents right.</summary>
    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>True when a quoted field is never closed (Sep then reads it to the end of the text).</summary>
    public static bool HasUnclosedQuote(string text) =>
        // Sep reads a quote anywhere as opening or closing a quoted span; an odd count leaves the last field open.
        text is not null && text.AsSpan().Count('"') % 2 != 0;

    /// <summary>
    /// Every non-blank record, with neutralised cells restored (<see cref="CsvCells.Restore"/>); a leading byte-order mark
    /// is skipped. <paramref name="onRecord"/> sees the records so far and the next one before it is added (to stop early).
    /// </summary>
    public static List<CsvRecord> Read(string text, Action<List<CsvRecord>, CsvRecord>? onRecord = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var records = new List<CsvRecord>();
        using var reader = Sep.Reader(o => o with { Sep = Comma, HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        var line = 1;
        foreach (var row in reader)
        {
            var start = line;
            line = row.LineNumberToExcl;
            if (row.Span.Length == 0)
                continue;
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = CsvCells.Restore(row[i].ToString());
            var record = new CsvRecord(start, fields);
            onRecord?.Invoke(records, record);
            records.Add(record);
        }

        return records;
    }
}
