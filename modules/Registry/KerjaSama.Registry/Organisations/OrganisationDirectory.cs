using KerjaSama.Registry.Contracts;
using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Organisations;

internal sealed class OrganisationDirectory(IDbContextFactory<RegistryDb> factory) : IOrganisationDirectory
{
    public async Task<OrganisationInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindManyAsync([id], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<OrganisationInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken);
        return found is null ? null : ToInfo(found);
    }

    public async Task<IReadOnlyList<OrganisationInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        return [.. found.Select(ToInfo)];
    }

    public async Task<IReadOnlyList<OrganisationInfo>> SearchAsync(string? term, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Organisations.AsNoTracking().Where(o => o.Active);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower(); the StringComparison overloads are not translated to SQL.
            query = query.Where(o => o.Name.ToLower().Contains(t) || o.Code.ToLower().Contains(t));
#pragma warning restore CA1862
        }

        var found = await query.OrderBy(o => o.Name).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return [.. found.Select(ToInfo)];
    }

    public static OrganisationInfo ToInfo(Organisation o) =>
        new(o.Id, o.Code, o.Name, o.Kind, o.RegionCode, o.AffairCodes, o.Active);
}
