using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

internal sealed class MatrixContributions(IDbContextFactory<PlanningDb> factory) : IMatrixContributions
{
    public async Task<IReadOnlyList<RowsAdded>> RowsAddedAsync(Guid exerciseId, IReadOnlyCollection<Guid> sessionIds,
        CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = sessionIds.ToList();
        var adds = await db.Ops.AsNoTracking()
            .Where(o => o.ExerciseId == exerciseId && o.Kind == OpKinds.Add && ids.Contains(o.SessionId))
            .Select(o => new { o.RowId, o.AuthorOrganisationId, o.AuthorOrganisationName })
            .ToListAsync(cancellationToken);
        var rowIds = adds.Select(a => a.RowId).Distinct().ToList();
        var affairs = await db.Rows.AsNoTracking().Where(r => rowIds.Contains(r.Id)).Select(r => new { r.Id, r.AffairCode })
            .ToDictionaryAsync(r => r.Id, r => r.AffairCode, cancellationToken);
        return [.. adds
            .GroupBy(a => (a.AuthorOrganisationId, Affair: affairs.GetValueOrDefault(a.RowId)))
            .Select(g => new RowsAdded(g.Key.AuthorOrganisationId, g.First().AuthorOrganisationName, g.Key.Affair, g.Count()))
            .OrderBy(r => r.OrganisationName, StringComparer.Ordinal).ThenBy(r => r.AffairCode, StringComparer.Ordinal)];
    }
}
