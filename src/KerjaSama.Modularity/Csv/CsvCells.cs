using System.Buffers;
using System.Globalization;
using System.Text;

namespace KerjaSama.Modularity.Csv;

/// <summary>
/// Writes CSV cells (RFC 4180) that a spreadsheet program will not run as formulas (OWASP "CSV injection"): text that
/// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe. Numbers
/// passed as numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>) are written
/// as plain invariant numbers, so a negative budget stays <c>-5</c>; the same text passed as a string is neutralised.
/// Every CSV export of the platform writes through this type; CSV readers undo the prefix with <see cref="Restore"/>.
/// </summary>
public static class CsvCells
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r");

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>True when a spreadsheet would read <paramref name="text"/> as the start of a formula.</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && Triggers.Contains(text[0]);

    /// <summary>One cell: numbers as numbers, dates as yyyy-MM-dd, anything else as neutralised, quoted-when-needed text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        int or long or short or byte or uint or ulong or decimal or double or float => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        bool b => b ? "true" : "false",
        IFormattable f => Text(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString()),
    };

    /// <summary>A text cell: neutralised when formula-like, then quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (IsFormulaLike(text))
            text = "'" + text;
        return text.AsSpan().ContainsAny(NeedsQuotes) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>One record of cells separated by commas (no line end).</summary>
    public static string Line(IEnumerable<object?> values) => string.Join(',', values.Select(Cell));

    /// <summary>Appends one record and the line end.</summary>
    public static StringBuilder AppendLine(StringBuilder sb, IEnumerable<object?> values, string lineEnd = "\n")
    {
        ArgumentNullException.ThrowIfNull(sb);
        return sb.Append(Line(values)).Append(lineEnd);
    }

    /// <summary>A read cell as it was before <see cref="Text"/> neutralised it: an apostrophe followed by a trigger is dropped.</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && Triggers.Contains(cell[1]) ? cell[1..] : cell;
    }
}
