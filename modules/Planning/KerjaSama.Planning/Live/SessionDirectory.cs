using System.Collections.Concurrent;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

/// <summary>Which exercise a live session belongs to (sessions never move, so the answer is cached).</summary>
internal sealed class SessionDirectory(IDbContextFactory<PlanningDb> factory)
{
    private readonly ConcurrentDictionary<Guid, Guid> _exercises = new();

    public async ValueTask<Guid?> ExerciseOfAsync(Guid sessionId, CancellationToken ct)
    {
        if (_exercises.TryGetValue(sessionId, out var cached))
            return cached;
        await using var db = await factory.CreateDbContextAsync(ct);
        var exerciseId = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.ExerciseId).FirstOrDefaultAsync(ct);
        if (exerciseId is { } found)
            _exercises[sessionId] = found;
        return exerciseId;
    }
}
