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
}
