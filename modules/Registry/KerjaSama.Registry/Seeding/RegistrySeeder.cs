using System.Diagnostics;
using KerjaSama.Modularity;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Registry.Seeding;

/// <summary>
/// Applies the embedded seed files. Each file's SHA-256 is kept in <c>registry.seeds</c>; a file is applied
/// (upserted, in one transaction) only when its hash changed, so a restart reads the hashes and nothing else.
/// </summary>
internal sealed partial class RegistrySeeder(IDbContextFactory<RegistryDb> factory, TimeProvider clock, ILogger<RegistrySeeder> logger)
{
    // Bump when the way governments are derived from regions changes, so they are derived again.
    private const string GovernmentsRule = "governments-v1";

    private static readonly (string File, string[] Columns, Func<RegistryDb, CsvTable, string, CancellationToken, Task> Apply)[] Files =
    [
        ("regions.csv", ["code", "type", "name", "parent_code", "bps_code", "aliases"], SeedAppliers.RegionsAsync),
        ("province_borders.csv", ["a", "b"], SeedAppliers.BordersAsync),
        ("regency_borders.csv", ["a", "b"], SeedAppliers.BordersAsync),
        ("affairs.csv", ["code", "name", "group", "cooperable"], SeedAppliers.AffairsAsync),
        ("sub_affairs.csv", ["affair_code", "code", "name", "level"], SeedAppliers.SubAffairsAsync),
        ("nomenclature.csv", ["code", "level", "name", "output", "indicator", "unit", "government_levels"], SeedAppliers.NomenclatureAsync),
        ("agencies_kalteng.csv", ["code", "name", "short_name", "affairs"], SeedAppliers.AgenciesAsync),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        Dictionary<string, string> applied;
        await using (var db = await factory.CreateDbContextAsync(ct))
            applied = await db.Seeds.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Hash, ct);

        var changed = new List<string>();
        string? regionsHash = null;
        foreach (var (file, columns, apply) in Files)
        {
            var text = SeedFiles.Read(file);
            var hash = SeedFiles.Hash(text);
            if (file == "regions.csv")
                regionsHash = hash;
            if (applied.TryGetValue(file, out var old) && old == hash)
                continue;
            var table = CsvTable.Parse(text, columns, out var missing);
            if (missing.Count > 0)
                throw new PlatformStartupException($"Registry seed {file} lacks the column(s) {string.Join(", ", missing)}.");
            var fileWatch = Stopwatch.StartNew();
            await ApplyAsync(file, hash, (db, c) => apply(db, table, file, c), ct);
            changed.Add($"{file} {table.Rows.Count} rows {fileWatch.ElapsedMilliseconds} ms");
        }

        // Every region's government is a potential partner organisation, derived from regions.csv.
        var governmentsHash = SeedFiles.Hash(GovernmentsRule + regionsHash);
        if (!applied.TryGetValue("governments", out var g) || g != governmentsHash)
        {
            await ApplyAsync("governments", governmentsHash, SeedAppliers.GovernmentsAsync, ct);
            changed.Add("governments");
        }

        LogSeeded(changed.Count, changed.Count == 0 ? "-" : string.Join(", ", changed), watch.ElapsedMilliseconds);
    }

    private async Task ApplyAsync(string name, string hash, Func<RegistryDb, CancellationToken, Task> apply, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // REVIEW: two hosts starting at once on a fresh database may both seed; the loser fails on a key and restarts.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await apply(db, ct);
        var record = await db.Seeds.FirstOrDefaultAsync(s => s.Name == name, ct);
        if (record is null)
            db.Seeds.Add(record = new SeedRecord { Name = name, Hash = hash });
        record.Hash = hash;
        record.AppliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry seed: {Count} file(s) applied ({Files}) in {ElapsedMs} ms")]
    private partial void LogSeeded(int count, string files, long elapsedMs);
}
