using System.Collections.Concurrent;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Monitor;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Monitor;

/// <summary>
/// Computes the live monitor's figures. Contributions, coverage and the feed are read from the op log and the rows
/// in the database (so they equal what is stored, whichever host computes them); presence comes from the matrix grain.
/// </summary>
internal sealed class MonitorQueries(
    IDbContextFactory<PlanningDb> factory, IGrainFactory grains, IAffairCatalog affairs, IOrganisationDirectory organisations,
    IRegionDirectory regions, TimeProvider clock)
{
    public const int DefaultFeed = 20;

    private const int MaxTallies = 256;

    private readonly ConcurrentDictionary<Guid, SessionOpTally> _tallies = new();
    private long _revision;

    /// <summary>The sessions that are not closed, with their exercise.</summary>
    public async Task<List<(Guid SessionId, Guid ExerciseId)>> LiveSessionsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var live = await db.Sessions.AsNoTracking().Where(s => s.State != SessionStates.Closed)
            .Select(s => new { s.Id, s.ExerciseId }).ToListAsync(ct);
        return [.. live.Select(s => (s.Id, s.ExerciseId))];
    }

    public async Task<MonitorOverview> OverviewAsync(int feed, CancellationToken ct)
    {
        var sessions = new List<SessionMonitor>();
        foreach (var (sessionId, _) in await LiveSessionsAsync(ct))
        {
            if (await SessionAsync(sessionId, feed, ct) is { } monitor)
                sessions.Add(monitor);
        }

        return new MonitorOverview(clock.GetUtcNow(), [.. sessions.OrderByDescending(s => s.OpenedAt)]);
    }

    /// <summary>The monitor of one session, or null when there is no such session.</summary>
    public async Task<SessionMonitor?> SessionAsync(Guid sessionId, int feed, CancellationToken ct)
    {
        var revision = Interlocked.Increment(ref _revision);
        await using var db = await factory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
            return null;
        var exercise = await db.Exercises.AsNoTracking().FirstAsync(e => e.Id == session.ExerciseId, ct);

        // Presence first: a join seen here is then never older than the ops read below.
        var presence = session.State == SessionStates.Closed
            ? null
            : await grains.GetGrain<IMatrixGrain>(exercise.Id).GetPresence();
        if (presence is not null && presence.SessionId != sessionId)
            presence = null;

        var seq = await db.Ops.Where(o => o.ExerciseId == exercise.Id).MaxAsync(o => (long?)o.Seq, ct) ?? 0;
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exercise.Id && !r.Removed)
            .Select(r => new { r.OwnerOrganisationId, r.AffairCode }).ToListAsync(ct);

        // The session's ops up to seq: only those not folded in yet are read (the log is append-only, in seq order).
        var tally = Tally(sessionId);
        int opCount;
        List<OrganisationContribution> authored;
        List<MonitorFeedEntry> latest;
        await tally.Gate.WaitAsync(ct);
        try
        {
            if (seq > tally.LastSeq)
            {
                var fresh = await db.Ops.AsNoTracking()
                    .Where(o => o.ExerciseId == exercise.Id && o.SessionId == sessionId && o.Seq > tally.LastSeq && o.Seq <= seq)
                    .OrderBy(o => o.Seq)
                    .Select(o => new { o.Seq, o.Kind, o.RowId, o.FieldsJson, o.AuthorUserId, o.AuthorName, o.AuthorOrganisationId, o.AuthorOrganisationName, o.At })
                    .ToListAsync(ct);
                foreach (var o in fresh)
                    tally.Add(o.Seq, o.Kind, o.RowId, o.FieldsJson, o.AuthorUserId, o.AuthorName, o.AuthorOrganisationId, o.AuthorOrganisationName, o.At);
                tally.Advance(seq);
            }

            opCount = tally.Ops;
            authored = [.. tally.ByOrganisation.Select(p => new OrganisationContribution(p.Key, p.Value.Name, false, p.Value.RowsAdded,
                p.Value.FieldsEdited, p.Value.RowsRemoved, p.Value.Ops, 0, p.Value.LastActivity))];
            latest = [.. tally.Latest(feed)];
        }
        finally
        {
            tally.Gate.Release();
        }

        var invited = exercise.InvitedOrganisationIds.ToHashSet();
        var known = (await organisations.FindManyAsync([.. invited.Union(rows.Select(r => r.OwnerOrganisationId))], ct))
            .ToDictionary(o => o.Id);
        string NameOf(Guid id, string? fallback = null) =>
            known.TryGetValue(id, out var o) ? o.Name : fallback ?? id.ToString();

        var byOrganisation = authored.ToDictionary(c => c.OrganisationId);
        var owned = rows.GroupBy(r => r.OwnerOrganisationId).ToDictionary(g => g.Key, g => g.Count());
        var contributions = byOrganisation.Keys.Union(owned.Keys).Union(invited).Select(id =>
            (byOrganisation.TryGetValue(id, out var mine) ? mine : new OrganisationContribution(id, NameOf(id), false, 0, 0, 0, 0, 0, null))
                with { Invited = invited.Contains(id), RowsOwned = owned.GetValueOrDefault(id) })
            .OrderByDescending(c => c.Ops).ThenByDescending(c => c.RowsOwned).ThenBy(c => c.OrganisationName, StringComparer.Ordinal).ToList();

        var level = (await regions.FindAsync(exercise.RegionCode, ct))?.Level ?? "provinsi";
        var perAffair = rows.GroupBy(r => r.AffairCode ?? "").ToDictionary(g => g.Key, g => g.Count());
        var catalog = await affairs.ListAsync(ct);
        var coverage = catalog.Where(a => a.Cooperable && a.Levels.Contains(level))
            .Select(a => new AffairCoverage(a.Code, a.Name, perAffair.GetValueOrDefault(a.Code), true, !perAffair.ContainsKey(a.Code)))
            .ToList();
        var listed = coverage.Select(c => c.AffairCode).ToHashSet(StringComparer.Ordinal);
        coverage.AddRange(perAffair.Where(p => !listed.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            new AffairCoverage(p.Key, catalog.FirstOrDefault(a => a.Code == p.Key)?.Name ?? "", p.Value, false, false)));

        var joined = presence?.JoinedOrganisations.ToHashSet() ?? [];
        InvitedOrganisation Invited(Guid id) =>
            new(id, NameOf(id), known.TryGetValue(id, out var o) ? o.Kind : "");
        var online = (presence?.Participants ?? []).GroupBy(p => p.Caller.OrganisationId).Select(g => new OnlineOrganisation(g.Key,
                g.First().Caller.OrganisationName,
                [.. g.DistinctBy(p => p.Caller.UserId).Select(p => new OnlinePerson(p.Caller.UserId, p.Caller.DisplayName, p.Caller.Role))
                    .OrderBy(p => p.DisplayName, StringComparer.Ordinal)]))
            .OrderBy(o => o.OrganisationName, StringComparer.Ordinal).ToList();

        return new SessionMonitor
        {
            SessionId = sessionId, ExerciseId = exercise.Id, ExerciseTitle = exercise.Title, RegionCode = exercise.RegionCode, Level = level,
            State = session.State, OpenedAt = session.OpenedAt, Seq = seq, Revision = revision, ComputedAt = clock.GetUtcNow(),
            Rows = rows.Count, Ops = opCount, Online = online, Contributions = contributions, Coverage = coverage,
            NotJoined = [.. invited.Where(id => !joined.Contains(id)).Select(Invited).OrderBy(o => o.Name, StringComparer.Ordinal)],
            NotContributed = [.. invited.Where(id => !byOrganisation.ContainsKey(id)).Select(Invited).OrderBy(o => o.Name, StringComparer.Ordinal)],
            Feed = latest,
        };
    }

    /// <summary>The session's fold of the op log; the least recently used are dropped beyond <see cref="MaxTallies"/>.</summary>
    private SessionOpTally Tally(Guid sessionId)
    {
        var tally = _tallies.GetOrAdd(sessionId, _ => new SessionOpTally());
        tally.LastUsedTicks = clock.GetTimestamp();
        if (_tallies.Count > MaxTallies)
        {
            foreach (var stale in _tallies.OrderBy(t => t.Value.LastUsedTicks).Take(_tallies.Count - MaxTallies).Where(t => t.Key != sessionId))
                _tallies.TryRemove(stale.Key, out _);
        }

        return tally;
    }
}
