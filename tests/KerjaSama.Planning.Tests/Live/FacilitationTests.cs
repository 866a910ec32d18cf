using System.Collections.Concurrent;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.TestKit;
using Orleans.Core.Internal;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using N = KerjaSama.Planning.Contracts.Live.FacilitationHubNames;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>Prioritisation votes, the agenda timer and following the facilitator, over the real hub.</summary>
public abstract class FacilitationTests(PlatformFixture platform)
{
    /// <summary>A joined participant that records the facilitation events the server pushes.</summary>
    private sealed class Participant : IAsyncDisposable
    {
        public required LiveClient Client { get; init; }

        public ConcurrentQueue<VoteRound> Votes { get; } = new();

        public ConcurrentQueue<MeetingTimer> Timers { get; } = new();

        public ConcurrentQueue<FacilitatorView> Views { get; } = new();

        public JoinResult Join { get; set; } = null!;

        public static async Task<Participant> JoinAsync(SessionScenario s, TestUser user)
        {
            var client = await LiveClient.ConnectAsync(s.Platform, user);
            var p = new Participant { Client = client };
            client.Connection.On<VoteRound>(N.VoteState, p.Votes.Enqueue);
            client.Connection.On<MeetingTimer>(N.Timer, p.Timers.Enqueue);
            client.Connection.On<FacilitatorView>(N.FacilitatorView, p.Views.Enqueue);
            p.Join = await client.JoinAsync(s.SessionId);
            return p;
        }

        public Task<FacilitationResult> CallAsync(string method, params object?[] args) =>
            Client.Connection.InvokeCoreAsync<FacilitationResult>(method, args);

        public Task<FacilitationResult> CastAsync(Guid roundId, Guid rowId) => CallAsync(N.CastVote, Client.SessionId, roundId, rowId);

        public Task<FacilitationResult> TimerAsync(string action, int seconds = 0, string? label = null) =>
            CallAsync(N.SetTimer, new SetTimerRequest { SessionId = Client.SessionId, Action = action, Seconds = seconds, Label = label, AffairCode = "1.02" });

        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }

    private static Dictionary<string, object?> Opportunity(string potential) => new()
    {
        [F.AffairCode] = "1.02", [F.Potential] = potential, [F.CooperationType] = "KSDD-wajib", [F.PartnerRegionCodes] = new[] { "63" },
        [F.StartYear] = 2026, [F.DurationYears] = 3,
    };

    private static async Task<Guid[]> AddRowsAsync(Participant author, int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.NewGuid();
            Assert.Equal(AckOutcomes.Applied, (await author.Client.SubmitAsync(OpKinds.Add, ids[i], Opportunity($"Peluang {i}"))).Outcome);
        }

        return ids;
    }

    /// <summary>Every stored vote of the exercise: organisation, row and count.</summary>
    private async Task<List<(Guid Organisation, Guid Row, int Votes)>> StoredVotesAsync(Guid exerciseId)
    {
        await using var db = await platform.Services.GetRequiredService<IDbContextFactory<PlanningDb>>().CreateDbContextAsync();
        var rounds = await db.VoteRounds.Where(r => r.ExerciseId == exerciseId).Select(r => r.Id).ToListAsync();
        var votes = await db.Votes.Where(v => rounds.Contains(v.RoundId) && v.Votes > 0).ToListAsync();
        return [.. votes.Select(v => (v.OrganisationId, v.RowId, v.Votes)).OrderBy(v => v.OrganisationId).ThenBy(v => v.RowId)];
    }

    private static StartVoteRequest Round(SessionScenario s, int votes, string? affair = null, Guid[]? rows = null) => new()
    {
        SessionId = s.SessionId, Label = "Prioritas kesehatan", AffairCode = affair, RowIds = rows?.ToList(), VotesPerOrganisation = votes,
    };

    [Fact]
    public async Task Three_organisations_vote_each_sees_only_its_own_votes_until_the_facilitator_reveals_the_tally()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var facilitator = await Participant.JoinAsync(s, s.Facilitator);
        await using var a = await Participant.JoinAsync(s, s.AgencyA);
        await using var b = await Participant.JoinAsync(s, s.AgencyB);
        await using var partner = await Participant.JoinAsync(s, s.Partner);
        var rows = await AddRowsAsync(facilitator, 3);

        var started = await facilitator.CallAsync(N.StartVote, Round(s, 3, affair: "1.02"));
        Assert.True(started.Ok, started.Error?.Code);
        var round = started.Vote!;
        Assert.Equal(rows, round.RowIds);
        Assert.Equal(VoteStates.Open, round.State);
        await Eventually.TrueAsync(() => a.Votes.Any(v => v.RoundId == round.RoundId), "the round reaches agency A");
        Assert.True(a.Votes.Last().CanVote);
        Assert.Equal(3, a.Votes.Last().VotesLeft);

        Assert.True((await a.CastAsync(round.RoundId, rows[0])).Ok);
        Assert.True((await a.CastAsync(round.RoundId, rows[0])).Ok);
        var third = await a.CastAsync(round.RoundId, rows[1]);
        Assert.True(third.Ok);
        Assert.Equal(0, third.Vote!.VotesLeft);
        Assert.Equal([(rows[0], 2), (rows[1], 1)], third.Vote.MyVotes.OrderBy(v => Array.IndexOf(rows, v.RowId)).Select(v => (v.RowId, v.Votes)));
        Assert.True((await b.CastAsync(round.RoundId, rows[1])).Ok);
        for (var i = 0; i < 3; i++)
            Assert.True((await partner.CastAsync(round.RoundId, rows[2])).Ok);

        await Eventually.TrueAsync(() => facilitator.Votes.LastOrDefault()?.Participation?.Sum(p => p.VotesCast) == 7, "every vote counted for the facilitator");
        var forFacilitator = facilitator.Votes.Last();
        Assert.Null(forFacilitator.Tally);
        Assert.Equal(3, forFacilitator.OrganisationsVoted);
        Assert.Equal(
            new[] { (s.AgencyA.Caller.OrganisationId, 3), (s.AgencyB.Caller.OrganisationId, 1), (s.Partner.Caller.OrganisationId, 3) }.OrderBy(x => x.Item1),
            forFacilitator.Participation!.Select(p => (p.OrganisationId, p.VotesCast)).OrderBy(x => x.OrganisationId));
        await Eventually.TrueAsync(() => b.Votes.Count(v => v.RoundId == round.RoundId) >= 7, "every vote's state reaches agency B");
        // Before the reveal agency B never saw another organisation's votes nor a tally.
        Assert.All(b.Votes, v =>
        {
            Assert.Null(v.Tally);
            Assert.Null(v.Participation);
            Assert.True(v.MyVotes.Count == 0 || v.MyVotes.SequenceEqual([new RowVotes { RowId = rows[1], Votes = 1 }]));
        });

        Assert.True((await facilitator.CallAsync(N.RevealVote, s.SessionId, round.RoundId)).Ok);
        await Eventually.TrueAsync(() => b.Votes.Last().Tally is not null && a.Votes.Last().Tally is not null && partner.Votes.Last().Tally is not null, "the tally reaches everyone");
        Assert.Equal([(rows[2], 3), (rows[0], 2), (rows[1], 2)], b.Votes.Last().Tally!.Select(t => (t.RowId, t.Votes)));

        Assert.True((await facilitator.CallAsync(N.CloseVote, s.SessionId, round.RoundId)).Ok);
        var stored = await StoredVotesAsync(s.ExerciseId);
        Assert.Equal(7, stored.Sum(v => v.Votes));
        var late = await b.CastAsync(round.RoundId, rows[0]);
        Assert.Equal(RejectionCodes.VoteClosed, late.Error?.Code);
        Assert.Equal(stored, await StoredVotesAsync(s.ExerciseId));

        // The result is a ranking input of consolidation.
        using (var http = platform.ClientFor(s.Facilitator))
        {
            var page = await (await http.GetAsync($"/api/planning/exercises/{s.ExerciseId}/consolidation?sort=votes&desc=true")).ReadAsync<JsonElement>();
            var ranked = page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("row").GetProperty("rowId").GetGuid(), i.GetProperty("votes").GetInt32())).ToList();
            Assert.Equal([(rows[2], 3), (rows[0], 2), (rows[1], 2)], ranked);
        }

        // A board joining later gets the closed round with its tally.
        await using var again = await Participant.JoinAsync(s, s.AgencyB);
        Assert.Equal(VoteStates.Closed, again.Join.Facilitation!.Vote!.State);
        Assert.Equal(3, again.Join.Facilitation.Vote.Tally![0].Votes);
        Assert.Equal([new RowVotes { RowId = rows[1], Votes = 1 }], again.Join.Facilitation.Vote.MyVotes);
    }

    [Fact]
    public async Task Votes_beyond_the_allowance_outside_the_round_by_an_observer_or_after_close_are_refused_and_change_nothing()
    {
        var s = await SessionScenario.StartAsync(platform);
        var colleague = await platform.SignInAsync(s.AgencyA.Caller.OrganisationId, s.AgencyA.Caller.OrganisationName, PlatformRoles.AgencyContributor, "Staf A2");
        var observer = await platform.SignInAsync(s.AgencyB.Caller.OrganisationId, s.AgencyB.Caller.OrganisationName, PlatformRoles.Observer, "Pengamat");
        await using var facilitator = await Participant.JoinAsync(s, s.Facilitator);
        await using var a = await Participant.JoinAsync(s, s.AgencyA);
        await using var a2 = await Participant.JoinAsync(s, colleague);
        await using var watcher = await Participant.JoinAsync(s, observer);
        var rows = await AddRowsAsync(facilitator, 3);

        Assert.Equal(RejectionCodes.Forbidden, (await a.CallAsync(N.StartVote, Round(s, 2, rows: rows[..2]))).Error?.Code);
        Assert.Equal(RejectionCodes.UnknownRow, (await facilitator.CallAsync(N.StartVote, Round(s, 2, rows: [rows[0], Guid.NewGuid()]))).Error?.Code);
        Assert.Equal(RejectionCodes.InvalidVote, (await facilitator.CallAsync(N.StartVote, Round(s, 50, rows: rows[..2]))).Error?.Code);
        var round = (await facilitator.CallAsync(N.StartVote, Round(s, 2, rows: rows[..2]))).Vote!;
        Assert.Equal(RejectionCodes.VoteAlreadyOpen, (await facilitator.CallAsync(N.StartVote, Round(s, 2, rows: rows[..2]))).Error?.Code);

        // Two people of one organisation share its allowance.
        Assert.True((await a.CastAsync(round.RoundId, rows[0])).Ok);
        Assert.True((await a2.CastAsync(round.RoundId, rows[1])).Ok);
        var stored = await StoredVotesAsync(s.ExerciseId);
        Assert.Equal(2, stored.Sum(v => v.Votes));

        async Task Refused(string code, Task<FacilitationResult> call)
        {
            var result = await call;
            Assert.False(result.Ok);
            Assert.Equal(code, result.Error?.Code);
            Assert.Equal(stored, await StoredVotesAsync(s.ExerciseId));
        }

        await Refused(RejectionCodes.VoteAllowanceExceeded, a2.CastAsync(round.RoundId, rows[0]));
        await Refused(RejectionCodes.VoteRowOutsideRound, a.CallAsync(N.RetractVote, s.SessionId, round.RoundId, rows[2]));
        Assert.True((await a.CallAsync(N.RetractVote, s.SessionId, round.RoundId, rows[0])).Ok);
        stored = await StoredVotesAsync(s.ExerciseId);
        Assert.Equal(1, stored.Sum(v => v.Votes));
        await Refused(RejectionCodes.VoteRowOutsideRound, a.CastAsync(round.RoundId, rows[2]));
        await Refused(RejectionCodes.NoVoteToRetract, a.CallAsync(N.RetractVote, s.SessionId, round.RoundId, rows[0]));
        await Refused(RejectionCodes.Forbidden, watcher.CastAsync(round.RoundId, rows[0]));
        await Refused(RejectionCodes.NotInvited, facilitator.CastAsync(round.RoundId, rows[0]));
        await Refused(RejectionCodes.UnknownVote, a.CastAsync(Guid.NewGuid(), rows[0]));
        await Refused(RejectionCodes.Forbidden, a.CallAsync(N.RevealVote, s.SessionId, round.RoundId));
        await Refused(RejectionCodes.Forbidden, a.CallAsync(N.CloseVote, s.SessionId, round.RoundId));
        Assert.True((await facilitator.CallAsync(N.CloseVote, s.SessionId, round.RoundId)).Ok);
        await Refused(RejectionCodes.VoteClosed, a.CastAsync(round.RoundId, rows[1]));
        await Refused(RejectionCodes.VoteClosed, a2.CallAsync(N.RetractVote, s.SessionId, round.RoundId, rows[1]));

        // The observer saw the round, never a vote of anyone before the close, and cannot vote.
        Assert.All(watcher.Votes.Where(v => v.State == VoteStates.Open), v => Assert.Null(v.Tally));
        Assert.All(watcher.Votes, v => Assert.False(v.CanVote));
        await using var outsider = await LiveClient.ConnectAsync(platform, s.AgencyB);
        var notJoined = await outsider.Connection.InvokeAsync<FacilitationResult>(N.CastVote, s.SessionId, round.RoundId, rows[0]);
        Assert.Equal(RejectionCodes.NotJoined, notJoined.Error?.Code);
    }

    [Fact]
    public async Task The_facilitator_sets_the_timer_every_board_counts_down_to_the_same_end_and_a_rejoining_board_gets_it()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var facilitator = await Participant.JoinAsync(s, s.Facilitator);
        await using var a = await Participant.JoinAsync(s, s.AgencyA);
        Assert.Null(a.Join.Facilitation!.Timer);

        var refused = await a.TimerAsync(TimerActions.Start, 300, "Urusan kesehatan");
        Assert.Equal(RejectionCodes.Forbidden, refused.Error?.Code);
        Assert.Equal(RejectionCodes.InvalidTimer, (await facilitator.TimerAsync(TimerActions.Start, 0, "Urusan kesehatan")).Error?.Code);
        Assert.Equal(RejectionCodes.InvalidTimer, (await facilitator.TimerAsync(TimerActions.Pause)).Error?.Code);
        await using (var db = await platform.Services.GetRequiredService<IDbContextFactory<PlanningDb>>().CreateDbContextAsync())
            Assert.False(await db.Facilitation.AnyAsync(f => f.SessionId == s.SessionId));

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var started = await facilitator.TimerAsync(TimerActions.Start, 300, "Urusan kesehatan");
        Assert.True(started.Ok, started.Error?.Code);
        await Eventually.TrueAsync(() => a.Timers.Any(t => t.Active), "the timer reaches agency A");
        var seen = a.Timers.Last();
        Assert.Equal("Urusan kesehatan", seen.Label);
        Assert.Equal("1.02", seen.AffairCode);
        Assert.True(seen.Running);
        Assert.Equal(started.Timer!.EndsAtMs, seen.EndsAtMs);
        Assert.InRange(seen.EndsAtMs!.Value, before + 299_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 300_000);
        Assert.Equal(RejectionCodes.Forbidden, (await a.TimerAsync(TimerActions.Clear)).Error?.Code);

        var paused = await facilitator.TimerAsync(TimerActions.Pause);
        Assert.False(paused.Timer!.Running);
        Assert.Null(paused.Timer.EndsAtMs);
        Assert.InRange(paused.Timer.RemainingMs, 200_000, 300_000);
        var extended = await facilitator.TimerAsync(TimerActions.Extend, 60);
        Assert.Equal(paused.Timer.RemainingMs + 60_000, extended.Timer!.RemainingMs);
        Assert.Equal(360, extended.Timer.DurationSeconds);
        await Eventually.TrueAsync(() => a.Timers.Last().DurationSeconds == 360, "the extension reaches agency A");

        // A board that reconnects gets the paused timer in its join.
        await using var rejoined = await Participant.JoinAsync(s, s.AgencyA);
        Assert.Equal(extended.Timer.RemainingMs, rejoined.Join.Facilitation!.Timer!.RemainingMs);
        Assert.False(rejoined.Join.Facilitation.Timer.Running);

        var resumed = await facilitator.TimerAsync(TimerActions.Resume);
        Assert.True(resumed.Timer!.Running);
        Assert.True((await facilitator.TimerAsync(TimerActions.Clear)).Ok);
        await Eventually.TrueAsync(() => !a.Timers.Last().Active, "the cleared timer reaches agency A");
        await using var afterClear = await Participant.JoinAsync(s, s.AgencyB);
        Assert.Null(afterClear.Join.Facilitation!.Timer);
    }

    [Fact]
    public async Task The_timer_and_the_vote_survive_a_new_activation_of_the_matrix_grain()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var facilitator = await Participant.JoinAsync(s, s.Facilitator);
        var rows = await AddRowsAsync(facilitator, 2);
        var started = await facilitator.TimerAsync(TimerActions.Start, 600, "Urusan kesehatan");
        var round = (await facilitator.CallAsync(N.StartVote, Round(s, 3, rows: rows))).Vote!;
        await using (var a = await Participant.JoinAsync(s, s.AgencyA))
            Assert.True((await a.CastAsync(round.RoundId, rows[1])).Ok);

        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<IMatrixGrain>(s.ExerciseId);
        Assert.NotEmpty((await grain.GetPresence()).Participants);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // A new activation knows nobody present: the old one (and what it held in memory) is gone.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await grain.GetPresence()).Participants.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the matrix grain was not deactivated");
            await Task.Delay(50);
        }

        await using var rejoined = await Participant.JoinAsync(s, s.AgencyA);
        var state = rejoined.Join.Facilitation!;
        Assert.Equal("Urusan kesehatan", state.Timer!.Label);
        Assert.Equal(started.Timer!.EndsAtMs, state.Timer.EndsAtMs);
        Assert.True(state.Timer.Running);
        Assert.Equal(round.RoundId, state.Vote!.RoundId);
        Assert.Equal([new RowVotes { RowId = rows[1], Votes = 1 }], state.Vote.MyVotes);
        Assert.Equal(2, state.Vote.VotesLeft);
        Assert.True((await rejoined.CastAsync(round.RoundId, rows[0])).Ok);
    }

    [Fact]
    public async Task Boards_receive_the_facilitators_view_and_bring_everyone_and_only_facilitators_may_share_it()
    {
        var s = await SessionScenario.StartAsync(platform);
        await using var facilitator = await Participant.JoinAsync(s, s.Facilitator);
        await using var a = await Participant.JoinAsync(s, s.AgencyA);
        var rows = await AddRowsAsync(facilitator, 2);

        var refused = await a.CallAsync(N.ShareView, new FacilitatorView { SessionId = s.SessionId, AffairCode = "1.02" });
        Assert.Equal(RejectionCodes.Forbidden, refused.Error?.Code);
        Assert.Equal(RejectionCodes.Forbidden, (await a.CallAsync(N.BringEveryone, new FacilitatorView { SessionId = s.SessionId })).Error?.Code);
        Assert.Equal(RejectionCodes.InvalidView,
            (await facilitator.CallAsync(N.ShareView, new FacilitatorView { SessionId = s.SessionId, Search = new string('x', 201) })).Error?.Code);
        Assert.Empty(a.Views);

        Assert.True((await facilitator.CallAsync(N.ShareView, new FacilitatorView { SessionId = s.SessionId, AffairCode = "1.02", TopRowId = rows[1] })).Ok);
        await Eventually.TrueAsync(() => !a.Views.IsEmpty, "the view reaches agency A");
        var view = a.Views.Last();
        Assert.Equal(("1.02", rows[1], false), (view.AffairCode, view.TopRowId, view.BringEveryone));
        Assert.Equal(s.Facilitator.Caller.DisplayName, view.FacilitatorName);

        Assert.True((await facilitator.CallAsync(N.BringEveryone, new FacilitatorView { SessionId = s.SessionId, Search = "Peluang 0", FocusRowId = rows[0] })).Ok);
        await Eventually.TrueAsync(() => a.Views.Last().BringEveryone, "bring everyone reaches agency A");
        Assert.Equal(("Peluang 0", rows[0]), (a.Views.Last().Search, a.Views.Last().FocusRowId));
        Assert.True(a.Views.Last().Version > view.Version);

        await using var late = await Participant.JoinAsync(s, s.AgencyB);
        Assert.Equal("Peluang 0", late.Join.Facilitation!.View!.Search);
        Assert.False(late.Join.Facilitation.View.BringEveryone);
    }
}

[Collection(SharedHost.Sqlite)]
public sealed class FacilitationTests_on_Sqlite(SqlitePlatformFixture p) : FacilitationTests(p);

[Collection(SharedHost.PostgreSql)]
public sealed class FacilitationTests_on_PostgreSql(PostgreSqlPlatformFixture p) : FacilitationTests(p);
