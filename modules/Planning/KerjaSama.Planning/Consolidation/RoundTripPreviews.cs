using System.Collections.Concurrent;

namespace KerjaSama.Planning.Consolidation;

/// <summary>A re-import waiting for its confirmation (or refused: then only <see cref="Issues"/>), readable by the user who uploaded it.</summary>
internal sealed record RoundTripPreview(Guid Token, Guid ExerciseId, Guid UserId, DateTimeOffset At, string FileName, RoundTripPlan? Plan,
    IReadOnlyList<ImportIssue> Issues);

/// <summary>
/// Previews kept between the upload and the confirmation, for an hour. REVIEW: held in this process's memory, so a
/// preview is lost on a restart and, with several hosts, must be confirmed on the host that made it (sticky sessions);
/// move to a table when the platform runs more than one host.
/// </summary>
internal sealed class RoundTripPreviews(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, RoundTripPreview> _previews = new();

    public RoundTripPreview Add(Guid exerciseId, Guid userId, string fileName, RoundTripPlan? plan, IReadOnlyList<ImportIssue> issues)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _previews.Values.Where(p => now - p.At > Lifetime))
            _previews.TryRemove(old.Token, out _);
        var preview = new RoundTripPreview(Guid.NewGuid(), exerciseId, userId, now, fileName, plan, issues);
        _previews[preview.Token] = preview;
        return preview;
    }

    public RoundTripPreview? Find(Guid token, Guid exerciseId, Guid userId) =>
        _previews.TryGetValue(token, out var p) && p.ExerciseId == exerciseId && p.UserId == userId && clock.GetUtcNow() - p.At <= Lifetime ? p : null;

    /// <summary>Takes the preview out so that it is confirmed at most once.</summary>
    public bool Remove(RoundTripPreview preview) => _previews.TryRemove(KeyValuePair.Create(preview.Token, preview));
}
