using System.Text.Json;
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
        var ops = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exercise.Id && o.SessionId == sessionId && o.Seq <= seq)
            .Select(o => new { o.Seq, o.Kind, o.RowId, o.FieldsJson, o.AuthorUserId, o.AuthorName, o.AuthorOrganisationId, o.AuthorOrganisationName, o.At })
            .ToListAsync(ct);
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exercise.Id && !r.Removed)
            .Select(r => new { r.OwnerOrganisationId, r.AffairCode }).ToListAsync(ct);

        var invited = exercise.InvitedOrganisationIds.ToHashSet();
        var known = (await organisations.FindManyAsync([.. invited.Union(rows.Select(r => r.OwnerOrganisationId))], ct))
            .ToDictionary(o => o.Id);
        string NameOf(Guid id, string? fallback = null) =>
            known.TryGetValue(id, out var o) ? o.Name : fallback ?? id.ToString();

        var fields = ops.ToDictionary(o => o.Seq, o => FieldNames(o.FieldsJson));
        var byOrganisation = ops.GroupBy(o => o.AuthorOrganisationId).ToDictionary(g => g.Key, g => g.ToList());
        var owned = rows.GroupBy(r => r.OwnerOrganisationId).ToDictionary(g => g.Key, g => g.Count());
        var contributions = byOrganisation.Keys.Union(owned.Keys).Union(invited).Select(id =>
        {
            var mine = byOrganisation.GetValueOrDefault(id) ?? [];
            var name = mine.Count > 0 ? mine[^1].AuthorOrganisationName : NameOf(id);
            return new OrganisationContribution(id, name, invited.Contains(id),
                mine.Count(o => o.Kind == OpKinds.Add), mine.Where(o => o.Kind == OpKinds.Update).Sum(o => fields[o.Seq].Count),
                mine.Count(o => o.Kind == OpKinds.Remove), mine.Count, owned.GetValueOrDefault(id),
                mine.Count > 0 ? mine.Max(o => o.At) : null);
        }).OrderByDescending(c => c.Ops).ThenByDescending(c => c.RowsOwned).ThenBy(c => c.OrganisationName, StringComparer.Ordinal).ToList();

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
            Rows = rows.Count, Ops = ops.Count, Online = online, Contributions = contributions, Coverage = coverage,
            NotJoined = [.. invited.Where(id => !joined.Contains(id)).Select(Invited).OrderBy(o => o.Name, StringComparer.Ordinal)],
            NotContributed = [.. invited.Where(id => !byOrganisation.ContainsKey(id)).Select(Invited).OrderBy(o => o.Name, StringComparer.Ordinal)],
            Feed = [.. ops.OrderByDescending(o => o.Seq).Take(Math.Clamp(feed, 1, 200)).Select(o => new MonitorFeedEntry(o.Seq, o.At, o.Kind, o.RowId,
                fields[o.Seq], o.AuthorUserId, o.AuthorName, o.AuthorOrganisationId, o.AuthorOrganisationName))],
        };
    }

    private static List<string> FieldNames(string fieldsJson)
    {
        using var document = JsonDocument.Parse(fieldsJson);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
