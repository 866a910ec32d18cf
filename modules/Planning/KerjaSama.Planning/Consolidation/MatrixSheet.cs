using KerjaSama.Modularity.Csv;
using KerjaSama.Modularity.Spreadsheets;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The matrix for the planning agency: the RPJMD view (every year of the period) or the RKPD view (one year), as
/// XLSX or CSV, in the columns the import reads back (<see cref="MatrixColumns"/>).
/// </summary>
internal sealed class MatrixSheet
{
    private MatrixSheet(List<string> header, List<List<object?>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }

    public List<List<object?>> Rows { get; }

    public static MatrixSheet Build(IEnumerable<RowView> rows, MatrixNames names, IReadOnlyList<int> years)
    {
        var header = new List<string> { "row_id", "row_seq", "status" };
        header.AddRange(MatrixColumns.Fields.Select(f => f.Column));
        header.AddRange(years.SelectMany(y => MatrixColumns.YearParts.Select(p => MatrixColumns.YearColumn(p, y))));
        header.AddRange(["affair_name", "nomenclature_name", "responsible_agency_name", "total_budget"]);
        var lines = new List<List<object?>>();
        foreach (var r in rows.OrderBy(r => r.AffairCode, StringComparer.Ordinal).ThenBy(r => r.CreatedSeq))
        {
            var line = new List<object?>
            {
                r.RowId.ToString(), r.Seq, r.Status, r.AffairCode, r.SubAffairCode, r.Potential, r.Object, r.CooperationType, string.Join(";", r.PartnerRegionCodes),
                string.Join(";", r.PartnerOrganisationIds.Select(id => names.OrganisationCode(id))), r.Form, r.Benefit, r.ProgramCode, r.ActivityCode,
                r.SubActivityCode, r.StartYear is { } s ? (long)s : null, r.DurationYears is { } d ? (long)d : null, r.DurationLegalBasis,
                names.OrganisationCode(r.ResponsibleAgencyId), string.Join(";", r.SupportingAgencyIds.Select(id => names.OrganisationCode(id))), r.DprdApprovalRequired is { } b ? (b ? "true" : "false") : null, r.DprdReason,
                r.Priority is { } p ? (long)p : null, r.Notes,
                r.Location, r.Problem, r.Unit, r.Baseline?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture), r.ForwardTarget,
                r.ForwardBudget, r.RpjmdGoal, r.RpjmdIndicator, r.CentralConsentRequired is { } c ? (c ? "true" : "false") : null,
            };
            foreach (var year in years)
            {
                var plan = r.PlanFor(year);
                line.AddRange([plan?.Indicator, plan?.Target, plan?.Budget, plan?.FundingSource]);
            }

            line.AddRange([names.AffairName(r.AffairCode), Nomenclature(r, names), names.Agency(r), years.Sum(y => r.PlanFor(y)?.Budget ?? 0)]);
            lines.Add(line);
        }

        return new MatrixSheet(header, lines);
    }

    /// <summary>Programme, kegiatan and sub kegiatan by code and name, one per line.</summary>
    private static string? Nomenclature(RowView r, MatrixNames names)
    {
        var parts = new[] { r.ProgramCode, r.ActivityCode, r.SubActivityCode }.OfType<string>().Select(names.Nomenclature).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    /// <summary>
    /// The workbook for Bapperida: its column headings (<see cref="MatrixHeadings"/>) in <paramref name="language"/> over the same
    /// columns as the CSV.
    /// </summary>
    public Task<byte[]> ToXlsxAsync(string sheetName, System.Globalization.CultureInfo language, CancellationToken ct)
    {
        var sheet = new XlsxSheet(sheetName) { FrozenRows = 1, Language = language };
        sheet.Widths.AddRange(Header.Select(h => h switch
        {
            "potential" or "object" or "benefit" or "notes" or "problem" or "rpjmd_goal" or "nomenclature_name" => 36d,
            "row_id" => 38d,
            "row_seq" => 10d,
            _ => 16d,
        }));
        sheet.AddRow([.. Header.Select(h => new XlsxCell(MatrixHeadings.Of(h, language), XlsxStyle.Header))]);
        foreach (var line in Rows)
        {
            sheet.Rows.Add([.. line.Select((v, i) => new XlsxCell(v, v is long && (Header[i].StartsWith("budget_", StringComparison.Ordinal)
                || Header[i] is "total_budget" or "forward_budget") ? XlsxStyle.Rupiah : v is long ? XlsxStyle.Number : XlsxStyle.Text))]);
        }

        return XlsxWriter.WriteAsync([sheet], ct);
    }

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte-order mark (spreadsheet programs then read the accents right); formula-like text
    /// is neutralised, numbers stay numbers (<see cref="CsvCells"/>).
    /// </summary>
    public byte[] ToCsv() => CsvFile.Utf8WithBom(CsvFile.Write([Header, .. Rows], "\r\n"));
}
