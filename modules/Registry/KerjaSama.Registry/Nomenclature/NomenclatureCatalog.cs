using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Nomenclature;

internal sealed class NomenclatureCatalog(IDbContextFactory<RegistryDb> factory) : INomenclatureCatalog
{
    public async Task<NomenclatureInfo?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var found = await FindManyAsync([code], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<NomenclatureInfo>> FindManyAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Nomenclature.AsNoTracking().Where(n => codes.Contains(n.Code))
            .Select(n => new NomenclatureInfo(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit, n.RetiredAt != null)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NomenclatureInfo>> ListAsync(string level, string prefix, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Nomenclature.AsNoTracking().Where(n => n.Level == level && n.Code.StartsWith(prefix)).OrderBy(n => n.Code)
            .Take(Math.Clamp(take, 1, 2000))
            .Select(n => new NomenclatureInfo(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit)).ToListAsync(cancellationToken);
    }
}
