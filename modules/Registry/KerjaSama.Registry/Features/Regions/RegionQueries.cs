using KerjaSama.Modularity.Http;
using KerjaSama.Registry.Persistence;
using KerjaSama.Registry.Regions;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Regions;

/// <summary>Region reads shared by the API and the pages.</summary>
internal static class RegionQueries
{
    public static async Task<PagedResult<RegionDto>> ListAsync(RegistryDb db, string? parent, string? type, string? q, int page, int pageSize,
        CancellationToken ct)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(parent))
            query = query.Where(r => r.ParentCode == parent.Trim());
        if (!string.IsNullOrWhiteSpace(type))
        {
            var t = type.Trim().ToLowerInvariant();
            query = query.Where(r => r.Type == t);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var code = q.Trim();
            var key = SearchText.Normalise(q);
            query = Codes.Region().IsMatch(code)
                ? query.Where(r => r.Code == code || r.Code.StartsWith(code + "."))
                : query.Where(r => r.SearchKey.Contains(key));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<RegionDto>([.. items.Select(RegionDto.From)], page, pageSize, total);
    }

    public static async Task<Region?> FindAsync(RegistryDb db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);

    public static async Task<List<RegionDto>> NeighboursAsync(RegistryDb db, string code, CancellationToken ct)
    {
        var neighbours = await db.Borders.AsNoTracking().Where(b => b.RegionCode == code)
            .Join(db.Regions.AsNoTracking(), b => b.NeighbourCode, r => r.Code, (b, r) => r)
            .OrderBy(r => r.Code).ToListAsync(ct);
        return [.. neighbours.Select(RegionDto.From)];
    }
}
