using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live.Facilitation;

/// <summary>Prioritisation votes as a ranking input of consolidation and the TKKSD review: every round of the exercise counts.</summary>
internal static class VoteTally
{
    public static async Task<Dictionary<Guid, int>> PerRowAsync(PlanningDb db, Guid exerciseId, CancellationToken ct)
    {
        var votes = await db.Votes.AsNoTracking()
            .Join(db.VoteRounds.Where(r => r.ExerciseId == exerciseId), v => v.RoundId, r => r.Id, (v, _) => new { v.RowId, v.Votes })
            .ToListAsync(ct);
        return votes.GroupBy(v => v.RowId).ToDictionary(g => g.Key, g => g.Sum(v => v.Votes));
    }
}
