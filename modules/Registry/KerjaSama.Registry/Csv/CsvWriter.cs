using System.Text;
using KerjaSama.Modularity.Csv;

namespace KerjaSama.Registry.Csv;

internal static class CsvWriter
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        AppendRecord(sb, header);
        foreach (var row in rows)
            AppendRecord(sb, row);
        return sb.ToString();
    }

    private static void AppendRecord(StringBuilder sb, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                sb.Append(',');
            sb.Append(Escape(fields[i]));
        }

        sb.Append('\n');
    }

    /// <summary>Quoted when needed, and neutralised when a spreadsheet would read it as a formula (<see cref="CsvCells"/>).</summary>
    public static string Escape(string? value) => CsvCells.Text(value);
}
