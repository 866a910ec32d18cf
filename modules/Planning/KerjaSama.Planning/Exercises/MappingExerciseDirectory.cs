using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Exercises;

internal sealed class MappingExerciseDirectory(IDbContextFactory<PlanningDb> factory) : IMappingExerciseDirectory
{
    public async Task<MappingExerciseSummary?> FindAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().Where(e => e.Id == exerciseId)
            .Select(e => new MappingExerciseSummary(e.Id, e.RegionCode, e.Title, e.PeriodKind.ToString(), e.StartYear, e.EndYear))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MappingExerciseSummary>> OfRegionAsync(string? regionCode, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var exercises = db.Exercises.AsNoTracking();
        if (regionCode is not null)
        {
            var regencies = regionCode + ".";
            exercises = exercises.Where(e => e.RegionCode == regionCode || e.RegionCode.StartsWith(regencies));
        }

        var found = await exercises.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Take(limit)
            .Select(e => new { e.Id, e.RegionCode, e.Title, e.PeriodKind, e.StartYear, e.EndYear })
            .ToListAsync(cancellationToken);
        return [.. found.Select(e => new MappingExerciseSummary(e.Id, e.RegionCode, e.Title, e.PeriodKind.ToString(), e.StartYear, e.EndYear))];
    }
}
