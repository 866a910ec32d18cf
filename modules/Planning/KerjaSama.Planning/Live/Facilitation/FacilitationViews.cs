using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live.Hub;

namespace KerjaSama.Planning.Live.Facilitation;

/// <summary>
/// What each connection may see of the facilitation state, cut on the host. Connections join one view group per
/// session besides the session's group: facilitators per organisation, contributors per organisation, observers
/// together; each group gets its own <c>VoteState</c>. Before the reveal an organisation sees only its own votes.
/// </summary>
internal static class FacilitationViews
{
    private const string Observers = "obs";

    public static string Key(Caller caller) =>
        caller.CanFacilitate ? $"fac:{caller.OrganisationId:N}" : caller.CanContribute ? $"org:{caller.OrganisationId:N}" : Observers;

    public static string Group(Guid sessionId, string key) => $"{MatrixFanout.Group(sessionId)}:{key}";

    public static VoteRound ToVoteRound(VoteRoundMessage r, string key)
    {
        Guid? organisation = key == Observers ? null : Guid.ParseExact(key[4..], "N");
        var facilitator = key.StartsWith("fac:", StringComparison.Ordinal);
        var mine = organisation is { } o ? r.Votes.Where(v => v.OrganisationId == o && v.Votes > 0).ToList() : [];
        var canVote = organisation is { } voter && r.Voters.Contains(voter);
        var showTally = r.Revealed || r.State == VoteStates.Closed;
        var order = r.RowIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new VoteRound
        {
            RoundId = r.RoundId, SessionId = r.SessionId, Label = r.Label, AffairCode = r.AffairCode, RowIds = r.RowIds,
            VotesPerOrganisation = r.VotesPerOrganisation, State = r.State, Revealed = r.Revealed, CanVote = canVote,
            MyVotes = [.. mine.Select(v => new RowVotes { RowId = v.RowId, Votes = v.Votes })],
            VotesLeft = canVote ? Math.Max(0, r.VotesPerOrganisation - mine.Sum(v => v.Votes)) : 0,
            Tally = showTally
                ? [.. r.RowIds.Select(id => new RowVotes { RowId = id, Votes = r.Votes.Where(v => v.RowId == id).Sum(v => v.Votes) })
                    .OrderByDescending(t => t.Votes).ThenBy(t => order[t.RowId])]
                : null,
            Participation = facilitator
                ? [.. r.Voters.Select(id => new OrganisationVotes
                {
                    OrganisationId = id, OrganisationName = r.Votes.FirstOrDefault(v => v.OrganisationId == id)?.OrganisationName ?? "",
                    VotesCast = r.Votes.Where(v => v.OrganisationId == id).Sum(v => v.Votes),
                })]
                : null,
            OrganisationsVoted = r.Votes.Where(v => v.Votes > 0).Select(v => v.OrganisationId).Distinct().Count(),
        };
    }

    public static MeetingTimer ToTimer(TimerMessage t, DateTimeOffset now) => new()
    {
        SessionId = t.SessionId, Active = t.Active, Label = t.Label, AffairCode = t.AffairCode, RowIds = t.RowIds, DurationSeconds = t.DurationSeconds,
        Running = t.Running, EndsAtMs = t.EndsAt?.ToUnixTimeMilliseconds(),
        RemainingMs = t.Running && t.EndsAt is { } end ? (long)(end - now).TotalMilliseconds : t.RemainingMs, ServerNowMs = now.ToUnixTimeMilliseconds(),
    };

    public static FacilitatorView ToView(ViewMessage v) => new()
    {
        SessionId = v.SessionId, AffairCode = v.AffairCode, Search = v.Search, TopRowId = v.TopRowId, FocusRowId = v.FocusRowId,
        BringEveryone = v.BringEveryone, FacilitatorName = v.FacilitatorName, Version = v.Version,
    };

    public static FacilitationState ToState(FacilitationSnapshot s, Caller caller, DateTimeOffset now) => new()
    {
        Timer = s.Timer is null ? null : ToTimer(s.Timer, now),
        Vote = s.Round is null ? null : ToVoteRound(s.Round, Key(caller)),
        View = s.View is null ? null : ToView(s.View) with { BringEveryone = false },
    };

    public static FacilitationResult ToResult(FacilitationSnapshot s, Caller caller, DateTimeOffset now) => s.Error is { } error
        ? new FacilitationResult { Ok = false, Error = LiveText.Error(error) }
        : new FacilitationResult
        {
            Ok = true, Vote = s.Round is null ? null : ToVoteRound(s.Round, Key(caller)), Timer = s.Timer is null ? null : ToTimer(s.Timer, now),
        };

    public static FacilitationResult Refused(string code, string message) =>
        new() { Ok = false, Error = LiveText.Error(code, message) };
}
