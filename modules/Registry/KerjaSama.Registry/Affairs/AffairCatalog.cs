using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Affairs;

internal sealed class AffairCatalog(IDbContextFactory<RegistryDb> factory) : IAffairCatalog
{
    public async Task<AffairInfo?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var affair = await db.Affairs.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (affair is null)
            return null;
        var levels = await db.SubAffairs.AsNoTracking().Where(s => s.AffairCode == code).Select(s => s.Level).Distinct()
            .ToListAsync(cancellationToken);
        var fromData = levels.Count > 0;
        return new AffairInfo(affair.Code, affair.Name, affair.Group, affair.Cooperable,
            fromData ? [.. Codes.GovernmentLevels.Where(levels.Contains)] : Codes.GovernmentLevels, fromData);
    }

    public async Task<bool> IsConcurrentAffairOfLevelAsync(string code, string level, CancellationToken cancellationToken) =>
        await FindAsync(code, cancellationToken) is { Cooperable: true } affair && affair.Levels.Contains(level);

    public async Task<IReadOnlyList<AffairInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var affairs = await db.Affairs.AsNoTracking().ToListAsync(cancellationToken);
        var levels = (await db.SubAffairs.AsNoTracking().Select(s => new { s.AffairCode, s.Level }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(s => s.AffairCode, s => s.Level);
        return [.. affairs.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a =>
        {
            var held = levels[a.Code].ToList();
            var fromData = held.Count > 0;
            return new AffairInfo(a.Code, a.Name, a.Group, a.Cooperable,
                fromData ? [.. Codes.GovernmentLevels.Where(held.Contains)] : Codes.GovernmentLevels, fromData);
        })];
    }
}
