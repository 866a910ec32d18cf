using System.Globalization;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The column headings of the RPJMD/RKPD workbooks as Bapperida writes them ("Pagu Indikatif 2026 (Rp)", "Perangkat
/// Daerah Penanggung Jawab"), for the columns of <see cref="MatrixColumns"/>. The XLSX prints these; the import reads
/// either these headings or the column names (CSV keeps the names), so an exported workbook comes back as it went out.
/// </summary>
internal static class MatrixHeadings
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["row_id"] = "ID Baris (jangan diubah)", ["row_seq"] = "Versi Baris", ["status"] = "Status",
        ["affair_code"] = "Kode Urusan", ["sub_affair_code"] = "Kode Sub Urusan", ["potential"] = "Potensi Kerja Sama",
        ["object"] = "Objek Kerja Sama", ["cooperation_type"] = "Jenis Kerja Sama", ["partner_region_codes"] = "Kode Wilayah Calon Mitra",
        ["partner_organisation_codes"] = "Kode Organisasi Calon Mitra", ["form"] = "Bentuk Kerja Sama", ["benefit"] = "Manfaat",
        ["program_code"] = "Kode Program", ["activity_code"] = "Kode Kegiatan", ["sub_activity_code"] = "Kode Sub Kegiatan",
        ["start_year"] = "Tahun Mulai", ["duration_years"] = "Jangka Waktu (Tahun)", ["duration_legal_basis"] = "Dasar Hukum Jangka Waktu",
        ["responsible_agency_code"] = "Kode Perangkat Daerah Penanggung Jawab", ["supporting_agency_codes"] = "Kode Perangkat Daerah Pendukung",
        ["dprd_approval_required"] = "Perlu Persetujuan DPRD", ["dprd_reason"] = "Alasan Persetujuan DPRD", ["priority"] = "Prioritas",
        ["notes"] = "Keterangan", ["affair_name"] = "Urusan Pemerintahan", ["nomenclature_name"] = "Program/Kegiatan/Sub Kegiatan",
        ["responsible_agency_name"] = "Perangkat Daerah Penanggung Jawab", ["total_budget"] = "Jumlah Pagu Indikatif (Rp)",
        // Issue 22 item 3's fields, when their columns are added.
        ["location"] = "Lokasi", ["problem"] = "Permasalahan", ["unit"] = "Satuan", ["baseline"] = "Baseline",
    };

    private static readonly Dictionary<string, string> YearParts = new(StringComparer.Ordinal)
    {
        ["indicator"] = "Indikator Kinerja {0}", ["target"] = "Target {0}", ["budget"] = "Pagu Indikatif {0} (Rp)", ["funding_source"] = "Sumber Dana {0}",
    };

    /// <summary>The heading of a column; a column without one keeps its name.</summary>
    public static string Of(string column)
    {
        if (Fixed.TryGetValue(column, out var heading))
            return heading;
        return MatrixColumns.ParseYearColumn(column) is { } y && YearParts.TryGetValue(y.Part, out var format)
            ? string.Format(CultureInfo.InvariantCulture, format, y.Year)
            : column;
    }

    /// <summary>The column a header cell names: a heading (any case, spaces collapsed) or the column name itself.</summary>
    public static string ColumnOf(string headerCell)
    {
        var cell = string.Join(' ', headerCell.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var (column, heading) in Fixed)
        {
            if (string.Equals(heading, cell, StringComparison.OrdinalIgnoreCase))
                return column;
        }

        foreach (var (part, format) in YearParts)
        {
            var prefix = format[..format.IndexOf('{', StringComparison.Ordinal)];
            var suffix = format[(format.IndexOf('}', StringComparison.Ordinal) + 1)..];
            if (cell.Length == prefix.Length + 4 + suffix.Length && cell.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && cell.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && int.TryParse(cell.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return MatrixColumns.YearColumn(part, year);
        }

        return cell.ToLowerInvariant();
    }
}
