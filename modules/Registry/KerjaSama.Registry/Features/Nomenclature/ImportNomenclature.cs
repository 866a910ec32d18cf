using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Nomenclature;

/// <summary>One code whose presence or name differs between the stored nomenclature and an imported file.</summary>
internal sealed record NomenclatureChange(string Code, string Level, string? OldName, string? NewName);

/// <summary>
/// What an import did (or, for a preview, would do): codes added, renamed and — for a whole edition — removed. Removed
/// codes are retired, not deleted: matrix rows that use them keep their value and are flagged for review.
/// </summary>
internal sealed record NomenclatureReport(int Rows, bool Edition, bool Applied, int Unchanged,
    IReadOnlyList<NomenclatureChange> Added, IReadOnlyList<NomenclatureChange> Renamed, IReadOnlyList<NomenclatureChange> Removed);

/// <summary>
/// Nomenclature rows from CSV <c>code,level,name,output,indicator,unit[,government_levels]</c>, the project's own format
/// (Seed/nomenclature.csv). All-or-nothing: a malformed code, a child whose parent is neither in the file nor stored, or
/// a repeated code refuses the whole file with every bad line listed. With <c>edition</c> the file is a whole new
/// edition: stored codes it lacks are retired.
/// </summary>
internal static class ImportNomenclature
{
    public static readonly string[] Columns = ["code", "level", "name", "output", "indicator", "unit"];
    public const string GovernmentLevelsColumn = "government_levels";

    public static async Task<ImportResult> RunAsync(RegistryDb db, string text, CancellationToken ct)
    {
        var (result, _) = await RunAsync(db, text, edition: false, preview: false, DateTimeOffset.UtcNow, ct);
        return result;
    }

    public static async Task<(ImportResult Result, NomenclatureReport? Report)> RunAsync(RegistryDb db, string text, bool edition, bool preview,
        DateTimeOffset now, CancellationToken ct)
    {
        var table = CsvTable.Parse(text, Columns, out var missing);
        if (missing.Count > 0)
            return (ImportResult.Failed([new ImportError(1, "header", $"Kolom tidak ada: {string.Join(", ", missing)}.")]), null);
        var errors = new List<ImportError>();
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var stored = await db.Nomenclature.ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, ct);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
            inFile.TryAdd(table.Get(row, "code"), row.Line);

        var valid = new List<NomenclatureItem>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var code = table.Get(row, "code");
            var level = table.Get(row, "level");
            var name = table.Get(row, "name");
            var governmentLevels = table.Get(row, GovernmentLevelsColumn);
            if (row.Fields.Count < Columns.Length)
                errors.Add(new(row.Line, "row", $"Berisi {row.Fields.Count} kolom; kepala berkas berisi {table.ColumnCount}."));
            var shape = Codes.NomenclatureLevelOf(code);
            if (!Codes.NomenclatureLevels.Contains(level))
                errors.Add(new(row.Line, "level", "Harus urusan, bidang_urusan, program, kegiatan atau sub_kegiatan."));
            else if (shape is null)
                errors.Add(new(row.Line, "code", $"'{code}' bukan kode {level} yang sah ({Example(level)})."));
            else if (shape != level)
                errors.Add(new(row.Line, "level", $"Kode '{code}' adalah kode {shape}, bukan {level}."));
            else if (Codes.ParentOf(code) is { } parent)
            {
                var parentKnown = inFile.ContainsKey(parent) || (stored.TryGetValue(parent, out var p) && p.RetiredAt is null && !edition)
                    || (level == Codes.ProgramLevel && affairs.Contains(parent) && !edition);
                if (!parentKnown)
                    errors.Add(new(row.Line, "code", $"Induknya '{parent}' tidak ada di berkas{(edition ? "" : " maupun yang tersimpan")}."));
            }

            if (governmentLevels.Length > 0 && governmentLevels.Split(';').Any(g => !Codes.GovernmentLevels.Contains(g)))
                errors.Add(new(row.Line, GovernmentLevelsColumn, "Harus provinsi, kabupaten_kota atau keduanya dipisah ';'."));
            else if (governmentLevels.Length > 0 && GovernmentLevels.OfCode(code) is { } codeLevel && governmentLevels != codeLevel)
                errors.Add(new(row.Line, GovernmentLevelsColumn, $"Bagian keempat kode '{code}' menandai tingkat {codeLevel}, bukan {governmentLevels}."));
            if (name.Length is 0 or > 500)
                errors.Add(new(row.Line, "name", "Wajib, paling panjang 500 karakter."));
            if (inFile.TryGetValue(code, out var first) && first != row.Line)
                errors.Add(new(row.Line, "code", $"Kode '{code}' sudah ada di baris {first}."));
            if (errors.Count == before)
            {
                valid.Add(new NomenclatureItem
                {
                    Code = code, Level = level, Name = name, Output = table.GetOrNull(row, "output"),
                    Indicator = table.GetOrNull(row, "indicator"), Unit = table.GetOrNull(row, "unit"),
                    ParentCode = Codes.ParentOf(code), GovernmentLevels = governmentLevels, SearchKey = SearchText.Normalise(name),
                });
            }
        }

        if (errors.Count > 0)
            return (ImportResult.Failed(errors), null);

        var added = new List<NomenclatureChange>();
        var renamed = new List<NomenclatureChange>();
        var unchanged = 0;
        foreach (var item in valid)
        {
            if (!stored.TryGetValue(item.Code, out var old) || old.RetiredAt is not null)
                added.Add(new(item.Code, item.Level, old?.Name, item.Name));
            else if (!string.Equals(old.Name, item.Name, StringComparison.Ordinal))
                renamed.Add(new(item.Code, item.Level, old.Name, item.Name));
            else
                unchanged++;
        }

        var fileCodes = valid.Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
        var removed = edition
            ? stored.Values.Where(n => n.RetiredAt is null && !fileCodes.Contains(n.Code)).OrderBy(n => n.Code, StringComparer.Ordinal)
                .Select(n => new NomenclatureChange(n.Code, n.Level, n.Name, null)).ToList()
            : [];
        var report = new NomenclatureReport(valid.Count, edition, !preview, unchanged, added, renamed, removed);
        var created = valid.Count(v => !stored.ContainsKey(v.Code));
        if (preview)
            return (new ImportResult(valid.Count, created, valid.Count - created, []), report);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var item in valid)
        {
            if (stored.TryGetValue(item.Code, out var old))
            {
                old.Level = item.Level;
                old.Name = item.Name;
                old.Output = item.Output;
                old.Indicator = item.Indicator;
                old.Unit = item.Unit;
                old.ParentCode = item.ParentCode;
                if (item.GovernmentLevels.Length > 0)
                    old.GovernmentLevels = item.GovernmentLevels;
                old.SearchKey = item.SearchKey;
                old.IsSample = false;
                old.RetiredAt = null;
            }
            else
            {
                db.Nomenclature.Add(item);
            }
        }

        foreach (var gone in removed)
            stored[gone.Code].RetiredAt = now;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new ImportResult(valid.Count, created, valid.Count - created, []), report);
    }

    private static string Example(string level) => level switch
    {
        Codes.UrusanLevel => "mis. 1",
        Codes.BidangLevel => "mis. 1.02",
        Codes.ProgramLevel => "mis. 1.02.02",
        Codes.KegiatanLevel => "mis. 1.02.02.2.01",
        _ => "mis. 1.02.02.2.01.0001",
    };
}
