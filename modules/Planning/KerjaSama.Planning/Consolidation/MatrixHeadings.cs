using System.Globalization;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The column headings of the RPJMD/RKPD workbooks as Bapperida writes them ("Pagu Indikatif 2026 (Rp)", "Perangkat
/// Daerah Penanggung Jawab"), for the columns of <see cref="MatrixColumns"/>: the catalogue's <c>export.matrix.*</c>, in the
/// reader's language (Bahasa Indonesia unless English was chosen). The XLSX prints these; the import reads the headings
/// of either language or the column names (CSV keeps the names), so an exported workbook comes back as it went out.
/// </summary>
internal static class MatrixHeadings
{
    private const string Prefix = "export.matrix.";

    // The key is the prefix and the column's name.
    private static readonly string[] Fixed =
    [
        "export.matrix.row_id", "export.matrix.row_seq", "export.matrix.status", "export.matrix.affair_code", "export.matrix.sub_affair_code",
        "export.matrix.potential", "export.matrix.object", "export.matrix.cooperation_type", "export.matrix.partner_region_codes",
        "export.matrix.partner_organisation_codes", "export.matrix.form", "export.matrix.benefit", "export.matrix.program_code",
        "export.matrix.activity_code", "export.matrix.sub_activity_code", "export.matrix.start_year", "export.matrix.duration_years",
        "export.matrix.duration_legal_basis", "export.matrix.responsible_agency_code", "export.matrix.supporting_agency_codes",
        "export.matrix.dprd_approval_required", "export.matrix.dprd_reason", "export.matrix.priority", "export.matrix.notes",
        "export.matrix.affair_name", "export.matrix.nomenclature_name", "export.matrix.responsible_agency_name", "export.matrix.total_budget",
        // Issue 22 item 3's fields, when their columns are added.
        "export.matrix.location", "export.matrix.problem", "export.matrix.unit", "export.matrix.baseline",
    ];

    // The key is the prefix, "year_" and the part of MatrixColumns.YearParts; the text has the year as {0}.
    private static readonly string[] YearParts =
        ["export.matrix.year_indicator", "export.matrix.year_target", "export.matrix.year_budget", "export.matrix.year_funding_source"];

    private static readonly CultureInfo[] Languages = [Messages.Indonesian, Messages.English];

    /// <summary>The heading of a column in <paramref name="language"/>; a column without one keeps its name.</summary>
    public static string Of(string column, CultureInfo language)
    {
        if (Array.IndexOf(Fixed, Prefix + column) >= 0)
            return Messages.Text(language, Prefix + column);
        return MatrixColumns.ParseYearColumn(column) is { } y && Array.IndexOf(YearParts, Prefix + "year_" + y.Part) >= 0
            ? Messages.Text(language, Prefix + "year_" + y.Part, y.Year.ToString(CultureInfo.InvariantCulture))
            : column;
    }

    /// <summary>
    /// The column a header cell names: a heading in Bahasa Indonesia or English (any case, spaces trimmed and collapsed) or
    /// the column name itself; anything else comes back lower-cased, for the import to refuse as an unknown column.
    /// </summary>
    public static string ColumnOf(string headerCell)
    {
        var cell = string.Join(' ', headerCell.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var language in Languages)
        {
            foreach (var key in Fixed)
            {
                if (string.Equals(Messages.Text(language, key), cell, StringComparison.OrdinalIgnoreCase))
                    return key[Prefix.Length..];
            }

            foreach (var key in YearParts)
            {
                var format = Messages.Text(language, key);
                var prefix = format[..format.IndexOf('{', StringComparison.Ordinal)];
                var suffix = format[(format.IndexOf('}', StringComparison.Ordinal) + 1)..];
                if (cell.Length == prefix.Length + 4 + suffix.Length && cell.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                    && cell.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(cell.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    return MatrixColumns.YearColumn(key[(Prefix.Length + "year_".Length)..], year);
            }
        }

        return cell.ToLowerInvariant();
    }
}
