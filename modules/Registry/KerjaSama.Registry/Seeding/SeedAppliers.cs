using KerjaSama.Modularity;
using KerjaSama.Modularity.Csv;
using KerjaSama.Registry.Affairs;
using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Csv;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Seeding;

/// <summary>Upserts of one seed file each. A bad row stops start-up with the file and line: seeds ship with the code.</summary>
internal static class SeedAppliers
{
    public static async Task RegionsAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        foreach (var row in t.Rows)
        {
            var code = t.Get(row, "code");
            var type = t.Get(row, "type");
            Ensure(Codes.Region().IsMatch(code) && RegionTypes.All.Contains(type), file, row, "bad code or type");
            var aliases = Split(t.Get(row, "aliases"));
            if (!existing.TryGetValue(code, out var region))
            {
                region = new Region { Code = code, Type = type, Name = "" };
                db.Regions.Add(region);
            }

            region.Type = type;
            region.Name = t.Get(row, "name");
            region.ParentCode = t.GetOrNull(row, "parent_code");
            region.BpsCode = t.GetOrNull(row, "bps_code");
            if (!region.Aliases.SequenceEqual(aliases))
                region.Aliases = aliases;
            region.SearchKey = SearchText.Key(region.Name, aliases);
        }
    }

    public static async Task BordersAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        var regions = (await db.Regions.Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var existing = (await db.Borders.Select(b => new { b.RegionCode, b.NeighbourCode }).ToListAsync(ct))
            .Select(b => (b.RegionCode, b.NeighbourCode)).ToHashSet();
        foreach (var row in t.Rows)
        {
            var a = t.Get(row, "a");
            var b = t.Get(row, "b");
            Ensure(regions.Contains(a) && regions.Contains(b) && a != b, file, row, "unknown region");
            foreach (var (x, y) in new[] { (a, b), (b, a) })
            {
                if (existing.Add((x, y)))
                    db.Borders.Add(new RegionBorder { RegionCode = x, NeighbourCode = y });
            }
        }
    }

    public static async Task AffairsAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        var existing = await db.Affairs.ToDictionaryAsync(a => a.Code, ct);
        foreach (var row in t.Rows)
        {
            var code = t.Get(row, "code");
            Ensure(Codes.Affair().IsMatch(code), file, row, "bad affair code");
            if (!existing.TryGetValue(code, out var affair))
            {
                affair = new GovernmentAffair { Code = code, Name = "", Group = "" };
                db.Affairs.Add(affair);
            }

            affair.Name = t.Get(row, "name");
            affair.Group = t.Get(row, "group");
            affair.Cooperable = bool.TryParse(t.Get(row, "cooperable"), out var c) && c;
        }
    }

    public static async Task SubAffairsAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.SubAffairs.ToDictionaryAsync(s => (s.Code, s.Level), ct);
        foreach (var row in t.Rows)
        {
            var code = t.Get(row, "code");
            var level = t.Get(row, "level");
            var affair = t.Get(row, "affair_code");
            Ensure(affairs.Contains(affair) && Codes.SubAffair().IsMatch(code) && code.StartsWith(affair + ".", StringComparison.Ordinal)
                && Codes.GovernmentLevels.Contains(level), file, row, "bad sub-affair");
            if (!existing.TryGetValue((code, level), out var sub))
            {
                sub = new SubAffair { Code = code, Level = level, AffairCode = affair, Name = "" };
                db.SubAffairs.Add(sub);
                existing[(code, level)] = sub;
            }

            sub.Name = t.Get(row, "name");
        }
    }

    public static async Task NomenclatureAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        // Thousands of rows: read every stored row once, change tracked entities in memory, insert the rest in one
        // SaveChanges (EF batches the INSERTs). Rows an import wrote (IsSample false) win over the seed.
        // Rows are keyed by (code, scope): a kegiatan/sub kegiatan of the series 3-8 once per level (docs/adr/0025).
        var existing = await db.Nomenclature.ToDictionaryAsync(n => (n.Code, n.Scope), ct);
        var inFile = new HashSet<(string, string)>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var row in t.Rows)
        {
            var code = t.Get(row, "code");
            var level = t.Get(row, "level");
            Ensure(Codes.NomenclatureLevelOf(code) == level, file, row, "code does not have the shape of its level");
            var scope = Codes.ScopeOf(code, t.Get(row, "government_levels"));
            Ensure(scope is not null, file, row, "a kegiatan of the series 3-8 names exactly one government level");
            var parent = Codes.ParentKeyOf(code, scope!);
            Ensure(parent is null || inFile.Contains(parent.Value), file, row, "its parent is not on an earlier line");
            Ensure(inFile.Add((code, scope!)), file, row, "duplicate code");
            if (existing.TryGetValue((code, scope!), out var item) && !item.IsSample)
                continue; // an agency's import wins over the seed
            if (item is null)
            {
                item = new NomenclatureItem { Code = code, Scope = scope!, Level = level, Name = "" };
                db.Nomenclature.Add(item);
            }

            item.Level = level;
            item.Name = t.Get(row, "name");
            item.Output = t.GetOrNull(row, "output");
            item.Indicator = t.GetOrNull(row, "indicator");
            item.Unit = t.GetOrNull(row, "unit");
            item.ParentCode = parent?.Code;
            item.GovernmentLevels = t.Get(row, "government_levels");
            item.SearchKey = SearchText.Normalise(item.Name);
            item.IsSample = true;
            item.RetiredAt = null;
        }

        // Seed rows of an earlier seed that this one no longer has are kept (matrix rows may use them) but retired.
        foreach (var gone in existing.Values.Where(n => n.IsSample && n.RetiredAt is null && !inFile.Contains((n.Code, n.Scope))))
            gone.RetiredAt = DateTimeOffset.UtcNow;
        db.ChangeTracker.DetectChanges();
    }

    public static async Task AgenciesAsync(RegistryDb db, CsvTable t, string file, CancellationToken ct)
    {
        var affairs = (await db.Affairs.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Organisations.Where(o => o.Kind == OrganisationKinds.Agency).ToDictionaryAsync(o => o.Code, ct);
        foreach (var row in t.Rows)
        {
            var code = t.Get(row, "code");
            var codes = Split(t.Get(row, "affairs"));
            Ensure(Codes.Organisation().IsMatch(code) && codes.All(affairs.Contains), file, row, "bad code or unknown affair");
            Upsert(db, existing, code, t.Get(row, "name"), t.GetOrNull(row, "short_name"), OrganisationKinds.Agency, "62", codes);
        }
    }

    public static async Task GovernmentsAsync(RegistryDb db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var existing = await db.Organisations.Where(o => o.Kind == OrganisationKinds.Government).ToDictionaryAsync(o => o.Code, ct);
        foreach (var region in regions)
        {
            var name = region.Type == RegionTypes.Province ? $"Pemerintah Provinsi {region.Name}" : $"Pemerintah {region.Name}";
            Upsert(db, existing, $"pemda-{region.Code}", name, null, OrganisationKinds.Government, region.Code, []);
        }
    }

    private static void Upsert(RegistryDb db, Dictionary<string, Organisation> existing, string code, string name, string? shortName,
        string kind, string regionCode, List<string> affairCodes)
    {
        if (!existing.TryGetValue(code, out var org))
        {
            org = new Organisation { Id = DeterministicGuid.ForOrganisation(code), Code = code, Name = "", Kind = kind };
            db.Organisations.Add(org);
            existing[code] = org;
        }

        org.Name = name;
        org.NormalizedName = SearchText.Normalise(name);
        org.ShortName = shortName;
        org.RegionCode = regionCode;
        if (!org.AffairCodes.SequenceEqual(affairCodes))
            org.AffairCodes = affairCodes;
    }

    private static List<string> Split(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static void Ensure(bool ok, string file, CsvRecord row, string reason)
    {
        if (!ok)
            throw new PlatformStartupException($"Registry seed {file}, line {row.Line}: {reason}.");
    }
}
