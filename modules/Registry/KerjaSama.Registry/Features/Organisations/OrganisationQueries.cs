using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Organisations;

internal static class OrganisationQueries
{
    public static IQueryable<Organisation> Filter(RegistryDb db, string? kind, string? region, string? q, bool? active)
    {
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var k = kind.Trim().ToLowerInvariant();
            query = query.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(region))
            query = query.Where(o => o.RegionCode == region.Trim());
        if (active is { } a)
            query = query.Where(o => o.Active == a);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = SearchText.Normalise(q);
            var code = q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower(); the StringComparison overloads are not translated to SQL.
            query = query.Where(o => o.NormalizedName.Contains(key) || o.Code.StartsWith(code)
                || (o.ShortName != null && o.ShortName.ToLower().Contains(code)));
#pragma warning restore CA1862
        }

        return query;
    }

    public static async Task<PagedResult<OrganisationDto>> ListAsync(RegistryDb db, string? kind, string? region, string? q, bool? active,
        int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Filter(db, kind, region, q, active);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Kind).ThenBy(o => o.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<OrganisationDto>([.. items.Select(OrganisationDto.From)], page, pageSize, total);
    }
}
