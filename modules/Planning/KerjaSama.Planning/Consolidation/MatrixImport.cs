using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live;
using KerjaSama.Registry.Contracts;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Consolidation;

/// <summary>What is wrong with a line (1 = the header) and column of an imported sheet.</summary>
internal sealed record ImportIssue(int Row, string Column, string Code, string Message);

/// <summary>
/// Turns the lines of an imported matrix (<see cref="MatrixColumns"/>) into row additions for the grain, checking
/// every line with the matrix's own field rules so that all problems are reported at once, before anything is applied.
/// </summary>
internal static partial class MatrixImport
{
    /// <summary>Ops[i] comes from Sources[i] (line Lines[i]); Header is the file's lower-cased header (for the round trip's row ids).</summary>
    public sealed record Parsed(List<RegisterOp> Ops, List<int> Lines, List<ImportIssue> Issues, List<string>? Header = null, List<SheetLine>? Sources = null,
        IReadOnlyCollection<int>? Years = null);

    public static async Task<Parsed> ParseAsync(List<SheetLine> lines, ValidationContext ctx, IOrganisationDirectory organisations, CancellationToken ct,
        Action<int, int>? checkedLines = null)
    {
        var issues = new List<ImportIssue>();
        var content = lines.Where(l => l.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (content.Count == 0)
            return new([], [], [new ImportIssue(1, "file", "empty_file", "The file has no header and no rows.")]);
        var headerLine = content[0];
        // Bapperida's headings (the XLSX export) or the column names (CSV, older files).
        var header = headerLine.Cells.Select(MatrixHeadings.ColumnOf).ToList();
        var years = new SortedSet<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in header.Where(c => c.Length > 0))
        {
            if (!seen.Add(column))
                issues.Add(new(headerLine.Number, column, "duplicate_column", $"The column '{column}' appears twice."));
            else if (MatrixColumns.ParseYearColumn(column) is { } yearColumn)
            {
                if (yearColumn.Year < ctx.StartYear || yearColumn.Year > ctx.EndYear)
                    issues.Add(new(headerLine.Number, column, "year_outside_period", $"{yearColumn.Year} is outside the planning period {ctx.StartYear}–{ctx.EndYear}."));
                else
                    years.Add(yearColumn.Year);
            }
            else if (MatrixColumns.Fields.All(f => f.Column != column) && !MatrixColumns.ReadOnly.Contains(column))
                issues.Add(new(headerLine.Number, column, "unknown_column", $"'{column}' is not a column of the matrix."));
        }

        foreach (var required in MatrixColumns.Required.Where(r => !header.Contains(r)))
            issues.Add(new(headerLine.Number, required, "missing_column", $"The header needs the column '{required}'."));
        if (issues.Count > 0)
            return new([], [], issues);

        var codes = new Dictionary<string, OrganisationInfo?>(StringComparer.OrdinalIgnoreCase);
        var ops = new List<RegisterOp>();
        var numbers = new List<int>();
        var sources = new List<SheetLine>();
        var done = 0;
        foreach (var line in content.Skip(1))
        {
            // Progress for the page (rows checked of rows read) and a cancellation point between lines: nothing is written here.
            ct.ThrowIfCancellationRequested();
            if (checkedLines is not null && (done++ % 25 == 0))
                checkedLines(done - 1, content.Count - 1);
            string Cell(string column)
            {
                var i = header.IndexOf(column);
                return i >= 0 && i < line.Cells.Count ? line.Cells[i].Trim() : "";
            }

            if (line.Cells.Count > header.Count && line.Cells.Skip(header.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
                issues.Add(new(line.Number, "row", "too_many_cells", $"The line has {line.Cells.Count} cells; the header has {header.Count}."));
            var before = issues.Count;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            Guid? owner = null;
            foreach (var (column, field) in MatrixColumns.Fields)
            {
                var text = Cell(column);
                if (text.Length == 0)
                    continue;
                switch (field)
                {
                    case F.PartnerRegionCodes:
                        fields[field] = JsonSerializer.Serialize(List(text));
                        break;
                    case F.PartnerOrganisationIds or F.SupportingAgencyIds or F.ResponsibleAgencyId:
                        var ids = new List<Guid>();
                        foreach (var code in List(text))
                        {
                            if (!codes.TryGetValue(code, out var organisation))
                                codes[code] = organisation = await organisations.FindByCodeAsync(code, ct);
                            if (organisation is null)
                                issues.Add(new(line.Number, column, "unknown_organisation", $"No organisation has the code '{code}'."));
                            else
                                ids.Add(organisation.Id);
                        }

                        if (field == F.ResponsibleAgencyId)
                        {
                            if (ids.Count > 1)
                                issues.Add(new(line.Number, column, RejectionCodes.InvalidValue, "One responsible agency."));
                            owner = ids.Count == 1 ? ids[0] : null;
                            fields[field] = ids.Count == 1 ? JsonSerializer.Serialize(ids[0]) : null;
                        }
                        else
                        {
                            fields[field] = JsonSerializer.Serialize(ids);
                        }

                        break;
                    case F.StartYear or F.DurationYears or F.Priority:
                        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                            fields[field] = JsonSerializer.Serialize(number);
                        else
                            issues.Add(new(line.Number, column, "not_a_number", $"'{text}' is not a whole number."));
                        break;
                    case F.ForwardBudget:
                        if (Rupiah(text) is { } forward)
                            fields[field] = JsonSerializer.Serialize(forward);
                        else
                            issues.Add(new(line.Number, column, "invalid_budget", $"'{text}' is not a whole, non-negative number of Rupiah."));
                        break;
                    case F.Baseline:
                        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var baseline))
                            fields[field] = JsonSerializer.Serialize(baseline);
                        else
                            issues.Add(new(line.Number, column, "not_a_number", $"'{text}' is not a number of at least 0."));
                        break;
                    case F.DprdApprovalRequired or F.CentralConsentRequired:
                        if (Bool(text) is { } flag)
                            fields[field] = flag ? "true" : "false";
                        else
                            issues.Add(new(line.Number, column, RejectionCodes.InvalidValue, $"'{text}' is not ya/tidak (yes/no, true/false)."));
                        break;
                    default:
                        fields[field] = JsonSerializer.Serialize(text);
                        break;
                }
            }

            var plans = new List<Dictionary<string, object?>>();
            foreach (var year in years)
            {
                var plan = new Dictionary<string, object?> { ["year"] = year };
                foreach (var (part, key) in new[] { ("indicator", "indicator"), ("target", "target"), ("funding_source", "fundingSource") })
                {
                    if (Cell(MatrixColumns.YearColumn(part, year)) is { Length: > 0 } text)
                        plan[key] = text;
                }

                var budgetColumn = MatrixColumns.YearColumn("budget", year);
                if (Cell(budgetColumn) is { Length: > 0 } budgetText)
                {
                    if (Rupiah(budgetText) is { } budget)
                        plan["budget"] = budget;
                    else
                        issues.Add(new(line.Number, budgetColumn, "invalid_budget", $"'{budgetText}' is not a whole, non-negative number of Rupiah."));
                }

                if (plan.Count > 1)
                    plans.Add(plan);
            }

            if (plans.Count > 0)
                fields[F.YearlyPlans] = JsonSerializer.Serialize(plans);

            if (issues.Count == before)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (field, json) in fields)
                {
                    var (canonical, error) = await MatrixFieldSchema.ValidateAsync(field, json, ctx, ct);
                    if (error is not null)
                        issues.Add(new(line.Number, ColumnFor(field, error), error.Code, error.Message));
                    else if (canonical is not null)
                        values[field] = canonical;
                }

                if (issues.Count == before && await MatrixFieldSchema.CheckRowAsync(values, ctx, ct) is { } ruleBroken)
                    issues.Add(new(line.Number, ColumnFor(ruleBroken.Field ?? "row", ruleBroken), ruleBroken.Code, ruleBroken.Message));
            }

            ops.Add(new RegisterOp(Guid.NewGuid(), OpKinds.Add, Guid.CreateVersion7(), fields, owner));
            numbers.Add(line.Number);
            sources.Add(line);
        }

        checkedLines?.Invoke(content.Count - 1, content.Count - 1);

        if (ops.Count == 0 && issues.Count == 0)
            issues.Add(new(headerLine.Number + 1, "row", "no_rows", "The file has a header but no rows."));
        return new(ops, numbers, issues, header, sources, years);
    }

    private static string ColumnFor(string field, FieldError error) =>
        MatrixColumns.ColumnOf(field) ?? (field == F.YearlyPlans ? "yearly_plans" : error.Field ?? field);

    public static List<string> List(string text) =>
        [.. text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static bool? Bool(string text) => text.ToLowerInvariant() switch
    {
        "ya" or "y" or "yes" or "true" or "1" => true,
        "tidak" or "t" or "no" or "false" or "0" => false,
        _ => null,
    };

    /// <summary>1500000, 1.500.000, 1,500,000, "Rp 1.500.000" → 1500000; fractions, negatives and text → null.</summary>
    public static long? Rupiah(string text)
    {
        var t = text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (PlainDigits().IsMatch(t))
            return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) ? plain : null;
        if (GroupedDigits().IsMatch(t))
            return long.TryParse(t.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None,
                CultureInfo.InvariantCulture, out var grouped) ? grouped : null;
        return null;
    }

    [GeneratedRegex(@"^\d{1,18}$")]
    private static partial Regex PlainDigits();

    [GeneratedRegex(@"^\d{1,3}([.,]\d{3})+$")]
    private static partial Regex GroupedDigits();
}
