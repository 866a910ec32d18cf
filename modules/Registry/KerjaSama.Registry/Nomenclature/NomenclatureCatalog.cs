using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Nomenclature;

/// <summary>Look-ups by (code, government level): a row keyed <c>any</c> is the code's meaning at every level, a row keyed by a level only there.</summary>
internal sealed class NomenclatureCatalog(IDbContextFactory<RegistryDb> factory) : INomenclatureCatalog
{
    public async Task<NomenclatureInfo?> FindAsync(string code, string governmentLevel, CancellationToken cancellationToken)
    {
        var found = await FindManyAsync([code], governmentLevel, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<NomenclatureInfo>> FindManyAsync(IReadOnlyCollection<string> codes, string governmentLevel, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Nomenclature.AsNoTracking().Where(n => codes.Contains(n.Code) && (n.Scope == Codes.AnyScope || n.Scope == governmentLevel))
            .Select(n => new NomenclatureInfo(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit, n.RetiredAt != null)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NomenclatureInfo>> ListAsync(string level, string prefix, string governmentLevel, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = await db.Nomenclature.AsNoTracking()
            .Where(n => n.Level == level && n.Code.StartsWith(prefix) && n.RetiredAt == null && (n.Scope == Codes.AnyScope || n.Scope == governmentLevel))
            .OrderBy(n => n.Code).Take(Math.Clamp(take, 1, 2000)).ToListAsync(cancellationToken);
        // Rows imported without government levels belong where their code's level digit says.
        return [.. items.Where(n => n.GovernmentLevels.Length == 0 ? GovernmentLevels.Fits(n.Code, governmentLevel) : n.GovernmentLevels.Split(';').Contains(governmentLevel))
            .Select(n => new NomenclatureInfo(n.Code, n.Level, n.Name, n.Output, n.Indicator, n.Unit))];
    }
}
