using System.Globalization;
using System.Text.Json;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Live;
using KerjaSama.Registry.Contracts;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>One column of a row whose value in the file differs from the stored one (as the export writes it).</summary>
internal sealed record FieldChange(string Column, string? Old, string? New);

/// <summary>
/// A row of the file that carries a row id and differs from the stored row. <see cref="Conflict"/>: the row changed after the
/// export (its seq then, <see cref="ExportedSeq"/>, is not its seq now); it is only overwritten when the user chooses so.
/// </summary>
internal sealed record RowChange(int Line, Guid RowId, string? Potential, IReadOnlyList<FieldChange> Changes, long? ExportedSeq, long CurrentSeq,
    bool Conflict);

/// <summary>A line without a row id: a new row.</summary>
internal sealed record RowAddition(int Line, string? AffairCode, string? Potential);

/// <summary>What a re-import would do; nothing of it is written until confirmed.</summary>
internal sealed record RoundTripPlan(IReadOnlyList<RowAddition> Added, IReadOnlyList<RowChange> Changed, IReadOnlyList<int> UnchangedLines)
{
    /// <summary>Row additions in file order (same index as <see cref="Added"/>).</summary>
    public List<RegisterOp> AddOps { get; init; } = [];

    /// <summary>Per changed row, the fields its update sets (only the changed ones; yearly plans merged with the years not in the file).</summary>
    public Dictionary<Guid, Dictionary<string, string?>> Updates { get; init; } = [];
}

/// <summary>
/// The re-import of an exported RPJMD/RKPD matrix: lines with a <c>row_id</c> update that row, lines without one add a row.
/// Every line is checked first (the matrix's field rules, row ids of this exercise only, kegiatan codes of the exercise's
/// level); one bad line refuses the whole file.
/// </summary>
internal static class MatrixRoundTrip
{
    private static readonly HashSet<string> ListColumns = ["partner_region_codes", "partner_organisation_codes", "supporting_agency_codes"];

    public static async Task<(RoundTripPlan? Plan, List<ImportIssue> Issues)> PlanAsync(List<SheetLine> lines, ValidationContext ctx,
        IReadOnlyList<RowView> rows, MatrixNames names, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var parsed = await MatrixImport.ParseAsync(lines, ctx, organisations, ct);
        var issues = new List<ImportIssue>(parsed.Issues);
        if (parsed.Header is not { } header || parsed.Sources is not { } sources)
            return (null, issues);
        var byId = rows.ToDictionary(r => r.RowId);
        var years = parsed.Years?.ToList() ?? [];
        string Cell(SheetLine line, string column)
        {
            var i = header.IndexOf(column);
            return i >= 0 && i < line.Cells.Count ? line.Cells[i].Trim() : "";
        }

        var seen = new HashSet<Guid>();
        var added = new List<RowAddition>();
        var addOps = new List<RegisterOp>();
        var changed = new List<RowChange>();
        var updates = new Dictionary<Guid, Dictionary<string, string?>>();
        var unchanged = new List<int>();
        for (var i = 0; i < parsed.Ops.Count; i++)
        {
            var op = parsed.Ops[i];
            var line = sources[i];
            // Codes of another government level are refused by the matrix schema while the lines are parsed (code_not_of_level).
            var idText = Cell(line, "row_id");
            if (idText.Length == 0)
            {
                added.Add(new RowAddition(line.Number, Text(op, F.AffairCode), Text(op, F.Potential)));
                addOps.Add(op);
                continue;
            }

            if (!Guid.TryParse(idText, out var rowId) || !byId.TryGetValue(rowId, out var row))
            {
                issues.Add(new(line.Number, "row_id", "row_not_in_exercise", $"'{idText}' is not a row of this mapping exercise."));
                continue;
            }

            if (!seen.Add(rowId))
            {
                issues.Add(new(line.Number, "row_id", "duplicate_row_id", $"The row {rowId} appears on more than one line."));
                continue;
            }

            var seqText = Cell(line, "row_seq");
            long? exportedSeq = long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var stored = MatrixSheet.Build([row], names, years);
            var storedLine = stored.Rows[0];
            var changes = new List<FieldChange>();
            foreach (var column in header.Where(c => c.Length > 0 && !MatrixColumns.ReadOnly.Contains(c)).Distinct())
            {
                var index = stored.Header.IndexOf(column);
                var old = index < 0 ? "" : Display(storedLine[index]);
                var now = Cell(line, column);
                if (Normal(column, old) != Normal(column, now))
                    changes.Add(new FieldChange(column, old.Length == 0 ? null : old, now.Length == 0 ? null : now));
            }

            if (changes.Count == 0)
            {
                unchanged.Add(line.Number);
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (MatrixColumns.Fields.FirstOrDefault(f => f.Column == change.Column) is { Field: { } field })
                    fields[field] = op.Fields.GetValueOrDefault(field);
            }

            if (changes.Any(c => MatrixColumns.ParseYearColumn(c.Column) is not null))
                fields[F.YearlyPlans] = MergePlans(row, years, op.Fields.GetValueOrDefault(F.YearlyPlans));
            updates[rowId] = fields;
            changed.Add(new RowChange(line.Number, rowId, row.Potential, changes, exportedSeq, row.Seq, exportedSeq != row.Seq));
        }

        if (issues.Count > 0)
            return (null, issues);
        return (new RoundTripPlan(added, changed, unchanged) { AddOps = addOps, Updates = updates }, issues);
    }

    private static string? Text(RegisterOp op, string field) =>
        op.Fields.TryGetValue(field, out var json) && json is not null ? JsonSerializer.Deserialize<string>(json) : null;

    /// <summary>The stored plans of the years the file does not carry, and the file's plans for the years it does.</summary>
    private static string? MergePlans(RowView row, IReadOnlyCollection<int> fileYears, string? filePlansJson)
    {
        var plans = row.YearlyPlans.Where(p => !fileYears.Contains(p.Year))
            .Select(p => (p.Year, Json: JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["year"] = p.Year, ["indicator"] = p.Indicator, ["target"] = p.Target, ["budget"] = p.Budget, ["fundingSource"] = p.FundingSource,
            }.Where(kv => kv.Value is not null).ToDictionary()))).ToList();
        if (filePlansJson is not null)
        {
            using var doc = JsonDocument.Parse(filePlansJson);
            plans.AddRange(doc.RootElement.EnumerateArray().Select(p => (p.GetProperty("year").GetInt32(), p.GetRawText())));
        }

        return plans.Count == 0 ? null : "[" + string.Join(",", plans.OrderBy(p => p.Year).Select(p => p.Json)) + "]";
    }

    private static string Display(object? value) => value switch
    {
        null => "",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>A cell as the import reads it: Rupiah amounts as numbers, ya/tidak as true/false, lists without spacing.</summary>
    private static string Normal(string column, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return "";
        if (MatrixColumns.ParseYearColumn(column) is { Part: "budget" } || column == "forward_budget")
            return MatrixImport.Rupiah(text)?.ToString(CultureInfo.InvariantCulture) ?? text;
        if (column == "baseline" && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var baseline))
            return baseline.ToString("0.############", CultureInfo.InvariantCulture);
        if (column is "dprd_approval_required" or "central_consent_required")
            return MatrixImport.Bool(text) is { } flag ? (flag ? "true" : "false") : text;
        if (ListColumns.Contains(column))
            return string.Join(";", MatrixImport.List(text));
        return column is "start_year" or "duration_years" or "priority" && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("0", CultureInfo.InvariantCulture) : text;
    }
}
