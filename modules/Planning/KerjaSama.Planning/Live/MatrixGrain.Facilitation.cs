using System.Text.Json;
using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live.Facilitation;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

#pragma warning disable CA1001 // See MatrixGrain.cs: the gates have no wait handle.
internal sealed partial class MatrixGrain
#pragma warning restore CA1001
{
    private const int DefaultVotes = 3;
    private const int MaxVotes = 20;
    private const int MaxRoundRows = 500;
    private const int MaxTimerSeconds = 4 * 60 * 60;

    // Facilitation calls interleave on this reentrant grain: their own gate keeps check-then-write whole (two people of
    // one organisation voting at once share one allowance), without holding up the matrix's commits.
    private readonly SemaphoreSlim _facilitationGate = new(1, 1);
    private Guid _facilitationSession;
    private TimerMessage? _timer;
    private VoteRoundMessage? _round;
    private ViewMessage? _view;

    public async Task<FacilitationSnapshot> GetFacilitation(Guid sessionId)
    {
        await _facilitationGate.WaitAsync();
        try
        {
            if (await FacilitationRefusalAsync(sessionId) is { } refused)
                return Snapshot(refused);
            return Snapshot();
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            return Snapshot(Unavailable(StoreFailures.UnavailableCode));
        }
        finally
        {
            _facilitationGate.Release();
        }
    }

    public Task<FacilitationSnapshot> StartVote(Caller caller, VoteStart start) => FacilitateAsync(caller, start.SessionId, true, async () =>
    {
        if (_round is { State: VoteStates.Open })
            return new FieldError(RejectionCodes.VoteAlreadyOpen, "A vote round is open already; close it first.");
        var label = (start.Label ?? "").Trim();
        if (label.Length is 0 or > 200)
            return new FieldError(RejectionCodes.InvalidVote, "A round needs a label of 1 to 200 characters.", "label");
        var votes = start.VotesPerOrganisation == 0 ? DefaultVotes : start.VotesPerOrganisation;
        if (votes is < 1 or > MaxVotes)
            return new FieldError(RejectionCodes.InvalidVote, $"Votes per organisation: 1 to {MaxVotes}.", "votesPerOrganisation");
        var live = _rows.Values.Where(r => !r.Removed).ToList();
        List<Guid> rowIds;
        if (start.RowIds is { Count: > 0 } explicitIds)
        {
            if (start.AffairCode is { Length: > 0 })
                return new FieldError(RejectionCodes.InvalidVote, "Give an affair or a list of rows, not both.", "rowIds");
            rowIds = [.. explicitIds.Distinct()];
            var known = live.Select(r => r.Id).ToHashSet();
            if (rowIds.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
                return new FieldError(RejectionCodes.UnknownRow, $"No row {unknown} in this matrix.", "rowIds");
        }
        else if (start.AffairCode is { Length: > 0 } affair)
        {
            var json = JsonSerializer.Serialize(affair);
            rowIds = [.. live.Where(r => r.Values.GetValueOrDefault(MatrixFieldNames.AffairCode) == json).OrderBy(r => r.CreatedSeq).Select(r => r.Id)];
            if (rowIds.Count == 0)
                return new FieldError(RejectionCodes.InvalidVote, $"No live row of affair {affair}.", "affairCode");
        }
        else
        {
            return new FieldError(RejectionCodes.InvalidVote, "Give an affair or a list of rows.", "rowIds");
        }

        if (rowIds.Count > MaxRoundRows)
            return new FieldError(RejectionCodes.InvalidVote, $"At most {MaxRoundRows} rows in a round.", "rowIds");
        await using var db = await factory.CreateDbContextAsync();
        var number = await db.VoteRounds.Where(r => r.SessionId == start.SessionId).Select(r => (int?)r.Number).MaxAsync() ?? 0;
        var record = new VoteRoundRecord
        {
            Id = Guid.CreateVersion7(), ExerciseId = ExerciseId, SessionId = start.SessionId, Number = number + 1, Label = label,
            AffairCode = start.RowIds is { Count: > 0 } ? null : start.AffairCode, RowIdsJson = JsonSerializer.Serialize(rowIds),
            VotesPerOrganisation = votes, State = VoteStates.Open, StartedAt = clock.GetUtcNow(), StartedBy = caller.UserId,
        };
        db.VoteRounds.Add(record);
        await db.SaveChangesAsync();
        _round = ToRound(record, []);
        await _observers.Notify(o => o.OnVoteState(ExerciseId, _round));
        return null;
    });

    public Task<FacilitationSnapshot> Vote(Caller caller, Guid sessionId, Guid roundId, Guid rowId, int delta) =>
        FacilitateAsync(caller, sessionId, false, async () =>
        {
            if (!caller.CanContribute)
                return new FieldError(RejectionCodes.Forbidden, "Observers do not vote.");
            if (_round is null || _round.RoundId != roundId)
                return new FieldError(RejectionCodes.UnknownVote, "No such vote round in this session.");
            if (_round.State != VoteStates.Open)
                return new FieldError(RejectionCodes.VoteClosed, "The vote round is closed.");
            if (!_invited.Contains(caller.OrganisationId))
                return new FieldError(RejectionCodes.NotInvited, "Only invited organisations vote.");
            if (!_round.RowIds.Contains(rowId))
                return new FieldError(RejectionCodes.VoteRowOutsideRound, "That row is not part of this vote round.", "rowId");
            var mine = _round.Votes.Where(v => v.OrganisationId == caller.OrganisationId).ToList();
            var onRow = mine.FirstOrDefault(v => v.RowId == rowId)?.Votes ?? 0;
            if (delta > 0 && mine.Sum(v => v.Votes) >= _round.VotesPerOrganisation)
                return new FieldError(RejectionCodes.VoteAllowanceExceeded, $"Your organisation has used all its {_round.VotesPerOrganisation} votes.");
            if (delta < 0 && onRow == 0)
                return new FieldError(RejectionCodes.NoVoteToRetract, "Your organisation has no vote on that row.");

            await using var db = await factory.CreateDbContextAsync();
            var record = await db.Votes.FindAsync(roundId, caller.OrganisationId, rowId);
            if (record is null)
            {
                record = new VoteRecord { RoundId = roundId, OrganisationId = caller.OrganisationId, RowId = rowId };
                db.Votes.Add(record);
            }

            record.Votes = onRow + delta;
            record.OrganisationName = caller.OrganisationName;
            record.LastUserId = caller.UserId;
            record.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
            var votes = _round.Votes.Where(v => !(v.OrganisationId == caller.OrganisationId && v.RowId == rowId)).ToList();
            if (record.Votes > 0)
                votes.Add(new VoteMessage(caller.OrganisationId, caller.OrganisationName, rowId, record.Votes));
            _round = _round with { Votes = votes };
            await _observers.Notify(o => o.OnVoteState(ExerciseId, _round));
            return null;
        });

    /// <summary><c>reveal</c> or <c>close</c> the session's open round.</summary>
    public Task<FacilitationSnapshot> ChangeVote(Caller caller, Guid sessionId, Guid roundId, string change) =>
        FacilitateAsync(caller, sessionId, true, async () =>
        {
            if (_round is null || _round.RoundId != roundId)
                return new FieldError(RejectionCodes.UnknownVote, "No such vote round in this session.");
            if (_round.State != VoteStates.Open)
                return new FieldError(RejectionCodes.VoteClosed, "The vote round is closed.");
            await using var db = await factory.CreateDbContextAsync();
            var record = await db.VoteRounds.FirstAsync(r => r.Id == roundId);
            if (change == "reveal")
            {
                record.Revealed = true;
            }
            else
            {
                record.State = VoteStates.Closed;
                record.ClosedAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync();
            _round = _round with { Revealed = record.Revealed, State = record.State };
            await _observers.Notify(o => o.OnVoteState(ExerciseId, _round));
            return null;
        });

    public Task<FacilitationSnapshot> SetTimer(Caller caller, TimerChange change) => FacilitateAsync(caller, change.SessionId, true, async () =>
    {
        var now = clock.GetUtcNow();
        var current = _timer is { Active: true } ? _timer : null;
        TimerMessage next;
        switch (change.Action)
        {
            case TimerActions.Start:
                var label = (change.Label ?? "").Trim();
                if (label.Length is 0 or > 200)
                    return new FieldError(RejectionCodes.InvalidTimer, "An agenda item needs a label of 1 to 200 characters.", "label");
                if (change.Seconds is < 1 or > MaxTimerSeconds)
                    return new FieldError(RejectionCodes.InvalidTimer, "A timer runs 1 second to 4 hours.", "seconds");
                if (change.AffairCode is { Length: > 10 } || change.RowIds is { Count: > MaxRoundRows })
                    return new FieldError(RejectionCodes.InvalidTimer, "The agenda item's affair or rows are too long.", "rowIds");
                next = new TimerMessage(change.SessionId, true, label, change.AffairCode is { Length: > 0 } a ? a : null, [.. (change.RowIds ?? []).Distinct()],
                    change.Seconds, true, now.AddSeconds(change.Seconds), change.Seconds * 1000L);
                break;
            case TimerActions.Pause when current is { Running: true }:
                next = current with { Running = false, EndsAt = null, RemainingMs = (long)(current.EndsAt!.Value - now).TotalMilliseconds };
                break;
            case TimerActions.Resume when current is { Running: false }:
                next = current with { Running = true, EndsAt = now.AddMilliseconds(current.RemainingMs) };
                break;
            case TimerActions.Extend when current is not null:
                if (change.Seconds is < 1 or > MaxTimerSeconds)
                    return new FieldError(RejectionCodes.InvalidTimer, "Extend by 1 second to 4 hours.", "seconds");
                next = current.Running
                    ? current with { EndsAt = current.EndsAt!.Value.AddSeconds(change.Seconds), DurationSeconds = current.DurationSeconds + change.Seconds }
                    : current with { RemainingMs = current.RemainingMs + (change.Seconds * 1000L), DurationSeconds = current.DurationSeconds + change.Seconds };
                break;
            case TimerActions.Clear:
                next = new TimerMessage(change.SessionId, false, "", null, [], 0, false, null, 0);
                break;
            case TimerActions.Pause or TimerActions.Resume or TimerActions.Extend:
                return new FieldError(RejectionCodes.InvalidTimer, $"There is no {(change.Action == TimerActions.Resume ? "paused" : change.Action == TimerActions.Pause ? "running" : "")} timer to {change.Action}.", "action");
            default:
                return new FieldError(RejectionCodes.InvalidTimer, "start, pause, resume, extend or clear.", "action");
        }

        await using var db = await factory.CreateDbContextAsync();
        var record = await db.Facilitation.FindAsync(change.SessionId);
        if (record is null)
        {
            record = new FacilitationRecord { SessionId = change.SessionId, ExerciseId = ExerciseId };
            db.Facilitation.Add(record);
        }

        record.TimerActive = next.Active;
        record.TimerLabel = next.Label;
        record.TimerAffairCode = next.AffairCode;
        record.TimerRowIdsJson = JsonSerializer.Serialize(next.RowIds);
        record.TimerDurationSeconds = next.DurationSeconds;
        record.TimerRunning = next.Running;
        record.TimerEndsAt = next.EndsAt;
        record.TimerRemainingMs = next.RemainingMs;
        record.UpdatedAt = now;
        record.UpdatedBy = caller.UserId;
        await db.SaveChangesAsync();
        _timer = next;
        await _observers.Notify(o => o.OnTimer(ExerciseId, next));
        return null;
    });

    /// <summary>
    /// The facilitator's view, kept by this activation only: after a failover the facilitator's board shares it again
    /// when it rejoins (a view is a moment, not a record).
    /// </summary>
    public Task<FacilitationSnapshot> ShareView(Caller caller, ViewMessage view) => FacilitateAsync(caller, view.SessionId, true, async () =>
    {
        if (view.Search is { Length: > 200 } || view.AffairCode is { Length: > 10 })
            return new FieldError(RejectionCodes.InvalidView, "Search at most 200 characters, an affair code at most 10.");
        var shared = view with { FacilitatorName = caller.DisplayName, Version = (_view?.Version ?? 0) + 1 };
        _view = shared;
        await _observers.Notify(o => o.OnFacilitatorView(ExerciseId, shared));
        return null;
    });

    /// <summary>Checks the session, loads the session's facilitation state and runs <paramref name="change"/> under the gate.</summary>
    private async Task<FacilitationSnapshot> FacilitateAsync(Caller caller, Guid sessionId, bool facilitatorsOnly, Func<Task<FieldError?>> change)
    {
        if (facilitatorsOnly && !caller.CanFacilitate)
            return Snapshot(new FieldError(RejectionCodes.Forbidden, "Only facilitators do this."));
        await _facilitationGate.WaitAsync();
        try
        {
            if (await FacilitationRefusalAsync(sessionId) is { } refused)
                return Snapshot(refused);
            if (!CanAccess(caller))
                return Snapshot(new FieldError(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise."));
            if (_session!.State == SessionStates.Closed)
                return Snapshot(new FieldError(RejectionCodes.SessionClosed, "The session is closed."));
            return Snapshot(await change());
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            return Snapshot(Unavailable(RejectionCodes.NotCommitted));
        }
        finally
        {
            _facilitationGate.Release();
        }
    }

    /// <summary>Loads the matrix and the session's timer and latest round when not loaded; an error when the session is not current.</summary>
    private async Task<FieldError?> FacilitationRefusalAsync(Guid sessionId)
    {
        if (!await EnsureLoadedAsync())
            return Unavailable(StoreFailures.UnavailableCode);
        if (_session is null || _session.Id != sessionId)
            return new FieldError(RejectionCodes.UnknownSession, "This is not the exercise's current live session.");
        if (_facilitationSession == sessionId)
            return null;
        await using var db = await factory.CreateDbContextAsync();
        var timer = await db.Facilitation.AsNoTracking().FirstOrDefaultAsync(f => f.SessionId == sessionId);
        var round = await db.VoteRounds.AsNoTracking().Where(r => r.SessionId == sessionId).OrderByDescending(r => r.Number).FirstOrDefaultAsync();
        var votes = round is null ? [] : await db.Votes.AsNoTracking().Where(v => v.RoundId == round.Id && v.Votes > 0).ToListAsync();
        _timer = timer is { TimerActive: true }
            ? new TimerMessage(sessionId, true, timer.TimerLabel, timer.TimerAffairCode, JsonSerializer.Deserialize<List<Guid>>(timer.TimerRowIdsJson) ?? [],
                timer.TimerDurationSeconds, timer.TimerRunning, timer.TimerEndsAt, timer.TimerRemainingMs)
            : null;
        _round = round is null ? null : ToRound(round, [.. votes.Select(v => new VoteMessage(v.OrganisationId, v.OrganisationName, v.RowId, v.Votes))]);
        _view = null;
        _facilitationSession = sessionId;
        return null;
    }

    private VoteRoundMessage ToRound(VoteRoundRecord r, List<VoteMessage> votes) =>
        new(r.Id, r.SessionId, r.Label, r.AffairCode, JsonSerializer.Deserialize<List<Guid>>(r.RowIdsJson) ?? [], r.VotesPerOrganisation, r.State,
            r.Revealed, votes, [.. _invited]);

    private FacilitationSnapshot Snapshot(FieldError? error = null) =>
        new(error, _timer is { Active: true } ? _timer : null, _round is null ? null : _round with { Voters = [.. _invited] }, _view);
}
