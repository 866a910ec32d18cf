using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Nomenclature;

/// <summary>
/// Programmes, kegiatan and sub kegiatan from CSV <c>code,level,name,output,indicator,unit</c>, the shape a planning
/// agency exports. A row's parent (one code segment shorter; for a programme, its affair) must be in the file or stored.
/// </summary>
internal static class ImportNomenclature
{
    public static readonly string[] Columns = ["code", "level", "name", "output", "indicator", "unit"];

    public static async Task<ImportResult> RunAsync(RegistryDb db, string text, CancellationToken ct)
    {
        var table = CsvTable.Parse(text, Columns, out var missing);
        if (missing.Count > 0)
            return ImportResult.Failed([new ImportError(1, "header", $"Missing column(s): {string.Join(", ", missing)}.")]);
        var errors = new List<ImportError>();
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var stored = (await db.Nomenclature.Select(n => n.Code).ToListAsync(ct)).ToHashSet();
        var inFile = new Dictionary<string, int>();
        foreach (var row in table.Rows)
            inFile.TryAdd(table.Get(row, "code"), row.Line);

        var valid = new List<NomenclatureItem>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var code = table.Get(row, "code");
            var level = table.Get(row, "level");
            var name = table.Get(row, "name");
            if (row.Fields.Count != table.ColumnCount)
                errors.Add(new(row.Line, "row", $"Has {row.Fields.Count} fields; the header has {table.ColumnCount}."));
            var shape = Codes.NomenclatureLevelOf(code);
            if (!Codes.NomenclatureLevels.Contains(level))
                errors.Add(new(row.Line, "level", "Must be program, kegiatan or sub_kegiatan."));
            else if (shape is null)
                errors.Add(new(row.Line, "code", $"'{code}' does not have the shape of a {level} code ({Example(level)})."));
            else if (shape != level)
                errors.Add(new(row.Line, "level", $"The code '{code}' is a {shape} code, not a {level} code."));
            else
            {
                var parent = Codes.ParentOf(code);
                var parentKnown = level == Codes.ProgramLevel ? affairs.Contains(parent) : inFile.ContainsKey(parent) || stored.Contains(parent);
                if (!parentKnown)
                    errors.Add(new(row.Line, "code", $"Its parent '{parent}' is neither in the file nor stored."));
            }

            if (name.Length is 0 or > 500)
                errors.Add(new(row.Line, "name", "Required, at most 500 characters."));
            if (inFile[code] != row.Line)
                errors.Add(new(row.Line, "code", $"Repeats line {inFile[code]}."));
            if (errors.Count == before)
            {
                valid.Add(new NomenclatureItem
                {
                    Code = code, Level = level, Name = name, Output = table.GetOrNull(row, "output"),
                    Indicator = table.GetOrNull(row, "indicator"), Unit = table.GetOrNull(row, "unit"),
                });
            }
        }

        if (errors.Count > 0)
            return ImportResult.Failed(errors);
        var codes = valid.Select(v => v.Code).ToList();
        var existing = await db.Nomenclature.Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, ct);
        foreach (var item in valid)
        {
            if (existing.TryGetValue(item.Code, out var old))
            {
                old.Level = item.Level;
                old.Name = item.Name;
                old.Output = item.Output;
                old.Indicator = item.Indicator;
                old.Unit = item.Unit;
                old.IsSample = false;
            }
            else
            {
                db.Nomenclature.Add(item);
            }
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(valid.Count, valid.Count - existing.Count, existing.Count, []);
    }

    private static string Example(string level) => level switch
    {
        Codes.ProgramLevel => "e.g. 1.02.02",
        Codes.KegiatanLevel => "e.g. 1.02.02.2.01",
        _ => "e.g. 1.02.02.2.01.0001",
    };
}
