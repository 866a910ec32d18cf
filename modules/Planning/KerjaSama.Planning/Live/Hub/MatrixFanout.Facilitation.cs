using System.Collections.Concurrent;
using KerjaSama.Planning.Live.Facilitation;

namespace KerjaSama.Planning.Live.Hub;

internal sealed partial class MatrixFanout
{
    // Which view groups (FacilitationViews) have had a connection on this host, per session: each gets its own VoteState.
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _viewGroups = new();

    public TimeProvider Clock => clock;

    public void AddViewer(Guid sessionId, string key) => _viewGroups.GetOrAdd(sessionId, _ => new(StringComparer.Ordinal)).TryAdd(key, 0);

    public Task OnVoteState(Guid exerciseId, VoteRoundMessage round)
    {
        Activity?.Invoke(exerciseId);
        if (!_viewGroups.TryGetValue(round.SessionId, out var keys))
            return Task.CompletedTask;
        return Task.WhenAll(keys.Keys.Select(key => hub.Clients.Group(FacilitationViews.Group(round.SessionId, key))
            .VoteState(FacilitationViews.ToVoteRound(round, key))));
    }

    public Task OnTimer(Guid exerciseId, TimerMessage timer) =>
        hub.Clients.Group(Group(timer.SessionId)).Timer(FacilitationViews.ToTimer(timer, clock.GetUtcNow()));

    public Task OnFacilitatorView(Guid exerciseId, ViewMessage view) =>
        hub.Clients.Group(Group(view.SessionId)).FacilitatorView(FacilitationViews.ToView(view));
}
