using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Talk;

/// <summary>The unresolved questions and comments per row of an exercise (consolidation shows them).</summary>
internal static class OpenDiscussion
{
    public static async Task<Dictionary<Guid, (int Questions, int Comments)>> CountAsync(PlanningDb db, Guid exerciseId, CancellationToken ct)
    {
        var open = await db.Comments.AsNoTracking().Where(c => c.ExerciseId == exerciseId && c.ResolvedAt == null)
            .Select(c => new { c.RowId, c.Kind }).ToListAsync(ct);
        return open.GroupBy(c => c.RowId).ToDictionary(g => g.Key,
            g => (g.Count(c => c.Kind == CommentKinds.Question), g.Count(c => c.Kind != CommentKinds.Question)));
    }
}
