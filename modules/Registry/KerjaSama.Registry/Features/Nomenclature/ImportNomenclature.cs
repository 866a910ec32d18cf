using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Features.Imports;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Nomenclature;

/// <summary>
/// One code whose presence or name differs between the stored nomenclature and an imported file. <c>GovernmentLevel</c>:
/// for a kegiatan/sub kegiatan of the series 3–8, the level whose row it is (the code names another kegiatan at the
/// other level); else null.
/// </summary>
internal sealed record NomenclatureChange(string Code, string Level, string? OldName, string? NewName, string? GovernmentLevel = null);

/// <summary>
/// What an import did (or, for a preview, would do): codes added, renamed and — for a whole edition — removed. Removed
/// codes are retired, not deleted: matrix rows that use them keep their value and are flagged for review.
/// </summary>
internal sealed record NomenclatureReport(int Rows, bool Edition, bool Applied, int Unchanged,
    IReadOnlyList<NomenclatureChange> Added, IReadOnlyList<NomenclatureChange> Renamed, IReadOnlyList<NomenclatureChange> Removed);

/// <summary>
/// Nomenclature rows from CSV <c>code,level,name,output,indicator,unit[,government_levels]</c>, the project's own format
/// (Seed/nomenclature.csv), or from the official spreadsheet (<see cref="OfficialSheet"/>). All-or-nothing: a malformed code, a child whose parent is neither in the file nor stored, or
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

    public static Task<(ImportResult Result, NomenclatureReport? Report)> RunAsync(RegistryDb db, string text, bool edition, bool preview,
        DateTimeOffset now, CancellationToken ct)
    {
        var table = CsvTable.Parse(text, Columns, out var missing);
        if (missing.Count > 0)
            return Task.FromResult<(ImportResult, NomenclatureReport?)>((ImportResult.Failed([ImportError.Of(1, "header", Msg.Of("import_missing_columns", string.Join(", ", missing)))]), null));
        var errors = new List<ImportError>();
        var rows = new List<NomenclatureRow>();
        foreach (var row in table.Rows)
        {
            if (row.Fields.Count < Columns.Length)
                errors.Add(ImportError.Of(row.Line, "row", Msg.Of("import_row_width", row.Fields.Count, table.ColumnCount)));
            rows.Add(new(row.Line, table.Get(row, "code"), table.Get(row, "level"), table.Get(row, "name"), table.GetOrNull(row, "output"),
                table.GetOrNull(row, "indicator"), table.GetOrNull(row, "unit"), table.Get(row, GovernmentLevelsColumn)));
        }

        return ApplyAsync(db, rows, errors, edition, preview, now, ct);
    }

    /// <summary>
    /// The upload as it came: an XLSX workbook (the official sheet, <see cref="OfficialSheet"/>, read within
    /// <paramref name="limits"/>) or else the project's CSV.
    /// </summary>
    public static async Task<(ImportResult Result, NomenclatureReport? Report)> RunAsync(RegistryDb db, byte[] content, SpreadsheetLimits limits,
        bool edition, bool preview, DateTimeOffset now, CancellationToken ct)
    {
        if (!IsWorkbook(content))
            return await RunAsync(db, CsvUpload.Decode(content), edition, preview, now, ct);
        var (lines, refused) = SpreadsheetReader.Read(content, limits);
        if (lines is null)
        {
            var reason = refused is null ? Msg.Of("nomenclature_sheet_unreadable") : Msg.Of("nomenclature_sheet_refused", refused.Limit ?? refused.Code);
            return (ImportResult.Failed([ImportError.Of(1, "file", reason)]), null);
        }

        var urusan = await db.Nomenclature.AsNoTracking().Where(n => n.Level == Codes.UrusanLevel && n.RetiredAt == null)
            .ToDictionaryAsync(n => n.Code, n => n.Name, StringComparer.Ordinal, ct);
        var sheet = OfficialSheet.Read(lines, urusan);
        return await ApplyAsync(db, sheet.Rows, sheet.Errors, edition, preview, now, ct);
    }

    /// <summary>An XLSX package begins with the zip signature PK\x03\x04.</summary>
    public static bool IsWorkbook(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static async Task<(ImportResult Result, NomenclatureReport? Report)> ApplyAsync(RegistryDb db, IReadOnlyList<NomenclatureRow> rows,
        List<ImportError> errors, bool edition, bool preview, DateTimeOffset now, CancellationToken ct)
    {
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // Keyed by (code, scope): a kegiatan/sub kegiatan of the series 3-8 once per level (docs/adr/0025).
        var stored = await db.Nomenclature.ToDictionaryAsync(n => (n.Code, n.Scope), ct);
        var inFile = new Dictionary<(string, string), int>();
        foreach (var row in rows)
            inFile.TryAdd((row.Code, Codes.ScopeOf(row.Code, row.GovernmentLevels) ?? ""), row.Line);

        var valid = new List<NomenclatureItem>();
        foreach (var (line, code, level, name, output, indicator, unit, governmentLevels) in rows)
        {
            var before = errors.Count;
            var shape = Codes.NomenclatureLevelOf(code);
            var scope = Codes.ScopeOf(code, governmentLevels) ?? "";
            if (shape is null)
                errors.Add(ImportError.Of(line, "code", Msg.Of("nomenclature_code_invalid", code, Example(level))));
            else if (!Codes.NomenclatureLevels.Contains(level))
                errors.Add(ImportError.Of(line, "level", Msg.Of("nomenclature_level_invalid")));
            else if (shape != level)
                errors.Add(ImportError.Of(line, "level", Msg.Of("nomenclature_code_level_mismatch", code, shape, level)));
            else if (Codes.ParentKeyOf(code, scope) is { } parent)
            {
                var parentKnown = inFile.ContainsKey(parent) || (stored.TryGetValue(parent, out var p) && p.RetiredAt is null && !edition)
                    || (level == Codes.ProgramLevel && affairs.Contains(parent.Code) && !edition);
                if (!parentKnown)
                    errors.Add(ImportError.Of(line, "code", Msg.Of(edition ? "nomenclature_parent_not_in_file" : "nomenclature_parent_missing", parent.Code)));
            }

            if (governmentLevels.Length > 0 && governmentLevels.Split(';').Any(g => !Codes.GovernmentLevels.Contains(g)))
                errors.Add(ImportError.Of(line, GovernmentLevelsColumn, Msg.Of("nomenclature_government_levels_invalid")));
            else if (governmentLevels.Length > 0 && GovernmentLevels.OfCode(code) is { } codeLevel && governmentLevels != codeLevel)
                errors.Add(ImportError.Of(line, GovernmentLevelsColumn, Msg.Of("nomenclature_code_level_mismatch", code, codeLevel, governmentLevels)));
            else if (scope.Length == 0)
                errors.Add(ImportError.Of(line, GovernmentLevelsColumn, Msg.Of("nomenclature_series_level_required", code)));
            if (name.Length is 0 or > 500)
                errors.Add(ImportError.Of(line, "name", Msg.Of("nomenclature_name_invalid")));
            if (inFile.TryGetValue((code, scope), out var first) && first != line)
                errors.Add(ImportError.Of(line, "code", Msg.Of("nomenclature_code_duplicate", code, first)));
            if (errors.Count == before)
            {
                valid.Add(new NomenclatureItem
                {
                    Code = code, Scope = scope, Level = level, Name = name, Output = output, Indicator = indicator, Unit = unit,
                    ParentCode = Codes.ParentOf(code), GovernmentLevels = governmentLevels, SearchKey = SearchText.Normalise(name),
                });
            }
        }

        if (errors.Count > 0)
            return (ImportResult.Failed([.. errors.OrderBy(e => e.Line)]), null);

        var added = new List<NomenclatureChange>();
        var renamed = new List<NomenclatureChange>();
        var unchanged = 0;
        foreach (var item in valid)
        {
            if (!stored.TryGetValue((item.Code, item.Scope), out var old) || old.RetiredAt is not null)
                added.Add(new(item.Code, item.Level, old?.Name, item.Name, LevelOf(item)));
            else if (!string.Equals(old.Name, item.Name, StringComparison.Ordinal))
                renamed.Add(new(item.Code, item.Level, old.Name, item.Name, LevelOf(item)));
            else
                unchanged++;
        }

        var fileCodes = valid.Select(v => (v.Code, v.Scope)).ToHashSet();
        var removed = edition
            ? stored.Values.Where(n => n.RetiredAt is null && !fileCodes.Contains((n.Code, n.Scope))).OrderBy(n => n.Code, StringComparer.Ordinal)
                .ThenBy(n => n.Scope, StringComparer.Ordinal).Select(n => new NomenclatureChange(n.Code, n.Level, n.Name, null, LevelOf(n))).ToList()
            : [];
        var report = new NomenclatureReport(valid.Count, edition, !preview, unchanged, added, renamed, removed);
        var created = valid.Count(v => !stored.ContainsKey((v.Code, v.Scope)));
        if (preview)
            return (new ImportResult(valid.Count, created, valid.Count - created, []), report);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var item in valid)
        {
            if (stored.TryGetValue((item.Code, item.Scope), out var old))
            {
                old.Level = item.Level;
                old.Name = item.Name;
                old.Output = item.Output;
                old.Indicator = item.Indicator;
                old.Unit = item.Unit;
                old.ParentCode = item.ParentCode;
                // A partial file (not an edition) may name a parent for one level only: it adds that level, never takes one away.
                if (item.GovernmentLevels.Length > 0)
                    old.GovernmentLevels = edition || item.Level is Codes.KegiatanLevel or Codes.SubKegiatanLevel ? item.GovernmentLevels
                        : string.Join(';', Codes.GovernmentLevels.Where($"{old.GovernmentLevels};{item.GovernmentLevels}".Split(';').Contains));
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
            stored[(gone.Code, gone.GovernmentLevel ?? Codes.AnyScope)].RetiredAt = now;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new ImportResult(valid.Count, created, valid.Count - created, []), report);
    }

    private static string? LevelOf(NomenclatureItem item) => item.Scope == Codes.AnyScope ? null : item.Scope;

    private static string Example(string level) => level switch
    {
        Codes.UrusanLevel => "1",
        Codes.BidangLevel => "1.02",
        Codes.ProgramLevel => "1.02.02",
        Codes.KegiatanLevel => "1.02.02.2.01",
        _ => "1.02.02.2.01.0001",
    };
}
