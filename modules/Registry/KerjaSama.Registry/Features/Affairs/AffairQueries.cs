using KerjaSama.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Features.Affairs;

internal static class AffairQueries
{
    public static async Task<List<AffairDto>> ListAsync(RegistryDb db, string? group, bool? cooperable, CancellationToken ct)
    {
        var query = db.Affairs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(group))
            query = query.Where(a => a.Group == group.Trim());
        if (cooperable is { } c)
            query = query.Where(a => a.Cooperable == c);
        var affairs = await query.OrderBy(a => a.Code).ToListAsync(ct);
        var subs = await db.SubAffairs.AsNoTracking().Select(s => new { s.AffairCode, s.Code, s.Level }).ToListAsync(ct);
        var byAffair = subs.ToLookup(s => s.AffairCode);
        return
        [
            .. affairs.Select(a => new AffairDto(a.Code, a.Name, a.Group, a.Cooperable,
                [.. Codes.GovernmentLevels.Where(l => byAffair[a.Code].Any(s => s.Level == l))],
                byAffair[a.Code].Select(s => s.Code).Distinct().Count())),
        ];
    }

    public static async Task<AffairDetailDto?> FindAsync(RegistryDb db, string code, CancellationToken ct)
    {
        var affair = await db.Affairs.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (affair is null)
            return null;
        var subs = await db.SubAffairs.AsNoTracking().Where(s => s.AffairCode == code).ToListAsync(ct);
        var subDtos = subs.GroupBy(s => s.Code).OrderBy(g => g.Key)
            .Select(g => new SubAffairDto(g.Key, g.First().Name, [.. Codes.GovernmentLevels.Where(l => g.Any(s => s.Level == l))]))
            .ToList();
        return new AffairDetailDto(affair.Code, affair.Name, affair.Group, affair.Cooperable,
            [.. Codes.GovernmentLevels.Where(l => subs.Any(s => s.Level == l))], subDtos);
    }
}
