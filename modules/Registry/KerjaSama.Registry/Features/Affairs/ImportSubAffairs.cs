using KerjaSama.Modularity.Localization;
using KerjaSama.Registry.Affairs;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Affairs;

/// <summary>Sub-affairs from CSV <c>affair_code,code,name,level</c>; one row per level that holds the sub-affair.</summary>
internal static class ImportSubAffairs
{
    public static readonly string[] Columns = ["affair_code", "code", "name", "level"];

    public static async Task<ImportResult> RunAsync(RegistryDb db, string text, CancellationToken ct)
    {
        var table = CsvTable.Parse(text, Columns, out var missing);
        var errors = new List<ImportError>();
        if (missing.Count > 0)
            return ImportResult.Failed([ImportError.Of(1, "header", Msg.Of("import_missing_columns", string.Join(", ", missing)))]);
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.SubAffairs.ToDictionaryAsync(s => (s.Code, s.Level), ct);
        var seen = new Dictionary<(string, string), int>();
        var valid = new List<SubAffair>();
        foreach (var row in table.Rows)
        {
            var affair = table.Get(row, "affair_code");
            var code = table.Get(row, "code");
            var level = table.Get(row, "level");
            var name = table.Get(row, "name");
            var before = errors.Count;
            if (row.Fields.Count != table.ColumnCount)
                errors.Add(new(row.Line, "row", $"Has {row.Fields.Count} fields; the header has {table.ColumnCount}."));
            if (!affairs.Contains(affair))
                errors.Add(new(row.Line, "affair_code", $"No affair has the code '{affair}'."));
            if (!Codes.SubAffair().IsMatch(code) || !code.StartsWith(affair + ".", StringComparison.Ordinal))
                errors.Add(new(row.Line, "code", $"'{code}' is not a sub-affair code of the form {affair}.NN."));
            if (!Codes.GovernmentLevels.Contains(level))
                errors.Add(new(row.Line, "level", "Must be provinsi or kabupaten_kota."));
            if (name.Length is 0 or > 300)
                errors.Add(new(row.Line, "name", "Required, at most 300 characters."));
            if (seen.TryGetValue((code, level), out var first))
                errors.Add(new(row.Line, "code", $"Repeats line {first} (same code and level)."));
            else
                seen[(code, level)] = row.Line;
            if (errors.Count == before)
                valid.Add(new SubAffair { AffairCode = affair, Code = code, Level = level, Name = name });
        }

        if (errors.Count > 0)
            return ImportResult.Failed(errors);
        int created = 0, updated = 0;
        foreach (var sub in valid)
        {
            if (existing.TryGetValue((sub.Code, sub.Level), out var old))
            {
                updated += old.Name == sub.Name && old.AffairCode == sub.AffairCode ? 0 : 1;
                old.Name = sub.Name;
                old.AffairCode = sub.AffairCode;
            }
            else
            {
                db.SubAffairs.Add(sub);
                created++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(valid.Count, created, updated, []);
    }
}
