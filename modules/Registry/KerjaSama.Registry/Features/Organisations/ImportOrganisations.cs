using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Registry.Features.Organisations;

/// <summary>
/// Organisations from CSV <c>code,name,short_name,kind,region_code,affairs</c> (affairs separated by ';'; an optional
/// <c>active</c> column). A known code updates that organisation, a new code creates one.
/// </summary>
internal static class ImportOrganisations
{
    public static readonly string[] Columns = ["code", "name", "short_name", "kind", "region_code", "affairs"];

    public static async Task<ImportResult> RunAsync(RegistryDb db, IIntegrationEventPublisher events, TimeProvider clock, string text,
        CancellationToken ct)
    {
        var table = CsvTable.Parse(text, Columns, out var missing);
        if (missing.Count > 0)
            return ImportResult.Failed([ImportError.Of(1, "header", Msg.Of("import_missing_columns", string.Join(", ", missing)))]);
        var known = await OrganisationLookups.AllAsync(db, ct);
        var errors = new List<ImportError>();
        var planned = new List<(OrganisationRequest Request, Organisation? Existing, bool? Active)>();
        var codesInFile = new Dictionary<string, int>();
        var namesInFile = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var request = new OrganisationRequest(table.Get(row, "code"), table.Get(row, "name"), table.GetOrNull(row, "short_name"),
                table.Get(row, "kind"), table.GetOrNull(row, "region_code"),
                table.Get(row, "affairs").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var code = OrganisationRules.CleanCode(request.Code);
            var existing = known.ByCode.GetValueOrDefault(code);
            var before = errors.Count;
            if (row.Fields.Count != table.ColumnCount)
                errors.Add(new(row.Line, "row", $"Has {row.Fields.Count} fields; the header has {table.ColumnCount}."));
            foreach (var (field, messages) in OrganisationRules.Validate(request, existing?.Id, known).ToDictionary())
                errors.AddRange(messages.Select(m => new ImportError(row.Line, ColumnOf(field), m)));
            if (code.Length > 0 && !codesInFile.TryAdd(code, row.Line))
                errors.Add(new(row.Line, "code", $"Repeats the code of line {codesInFile[code]}."));
            var name = SearchText.Normalise(request.Name);
            if (name.Length > 0 && !namesInFile.TryAdd(name, row.Line))
                errors.Add(new(row.Line, "name", $"Collides with the name on line {namesInFile[name]} after normalisation."));
            var activeText = table.Get(row, "active");
            bool? active = bool.TryParse(activeText, out var parsed) ? parsed : null;
            if (activeText.Length > 0 && active is null)
                errors.Add(new(row.Line, "active", Messages.Text("true_or_false")));
            if (errors.Count == before)
                planned.Add((request, existing, active));
        }

        if (errors.Count > 0)
            return ImportResult.Failed(errors);
        var created = new List<Organisation>();
        foreach (var (request, existing, active) in planned)
        {
            var org = existing;
            if (org is null)
            {
                org = new Organisation { Id = Guid.CreateVersion7(), Code = "", Name = "", Kind = "" };
                db.Organisations.Add(org);
                created.Add(org);
            }

            OrganisationRules.Apply(request, org);
            if (active is { } isActive)
                org.Active = isActive;
        }

        // REVIEW: a file that swaps two stored names between rows breaks the unique index mid-save; rare, reported as a 500.
        await db.SaveChangesAsync(ct);
        foreach (var org in created)
            await events.PublishAsync(new OrganisationRegistered(org.Id, org.Code, org.Name, org.Kind, clock.GetUtcNow()), ct);
        return new ImportResult(planned.Count, created.Count, planned.Count - created.Count, []);
    }

    public static IReadOnlyList<string?> ToCsvRow(Organisation o) =>
        [o.Code, o.Name, o.ShortName, o.Kind, o.RegionCode, string.Join(';', o.AffairCodes), o.Active ? "true" : "false"];

    private static string ColumnOf(string field) => field switch
    {
        "ShortName" => "short_name",
        "RegionCode" => "region_code",
        "AffairCodes" => "affairs",
        _ => field.ToLowerInvariant(),
    };
}
