using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Regions;

internal sealed class RegionDirectory(IDbContextFactory<RegistryDb> factory) : IRegionDirectory
{
    public async Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegionInfo(r.Code, r.Type, r.Name, r.ParentCode, r.BpsCode))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> AreBorderingAsync(string a, string b, CancellationToken cancellationToken)
    {
        if (a == b)
            return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Borders.AnyAsync(x => x.RegionCode == a && x.NeighbourCode == b, cancellationToken))
            return true;
        // A province and its own kabupaten/kota count as bordering for KSDD-wajib (PP 28/2018).
        return await db.Regions.AnyAsync(r => (r.Code == a && r.ParentCode == b) || (r.Code == b && r.ParentCode == a), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> GetNeighboursAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var neighbours = await db.Borders.AsNoTracking().Where(x => x.RegionCode == code).Select(x => x.NeighbourCode)
            .ToListAsync(cancellationToken);
        var family = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code || r.Code == code)
            .Select(r => r.Code == code ? r.ParentCode : r.Code).ToListAsync(cancellationToken);
        return new HashSet<string>(neighbours.Concat(family.OfType<string>()), StringComparer.Ordinal);
    }
}
