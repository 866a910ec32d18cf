using System.Buffers;
using System.Globalization;

namespace KerjaSama.Modularity.Csv;

/// <summary>
/// The platform's rule for CSV cell values that a spreadsheet program must not run as formulas (OWASP "CSV injection"):
/// text that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe.
/// Numbers passed as numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>) are
/// written as plain invariant numbers, so a negative budget stays <c>-5</c>; the same text passed as a string is
/// neutralised. Quoting (RFC 4180) is the CSV library's job (<see cref="CsvFile"/>); every CSV export of the platform
/// writes through <see cref="CsvFile"/>, which applies this rule, and its reader undoes the prefix with <see cref="Restore"/>.
/// </summary>
public static class CsvCells
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r");

    /// <summary>True when a spreadsheet would read <paramref name="text"/> as the start of a formula.</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && Triggers.Contains(text[0]);

    /// <summary>One cell's value (unquoted): numbers as numbers, dates as yyyy-MM-dd, anything else as neutralised text.</summary>
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

    /// <summary>A text cell, neutralised when formula-like (not quoted: the writer quotes).</summary>
    public static string Text(string? text) =>
        string.IsNullOrEmpty(text) ? "" : IsFormulaLike(text) ? "'" + text : text;

    /// <summary>A read cell as it was before <see cref="Text"/> neutralised it: an apostrophe followed by a trigger is dropped.</summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && Triggers.Contains(cell[1]) ? cell[1..] : cell;
    }
}
