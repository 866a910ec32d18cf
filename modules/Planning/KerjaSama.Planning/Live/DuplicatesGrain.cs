using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

/// <summary>
/// Keeps the exercise's rows' normalised texts and the flagged pairs. On a change it reads the matrix's row texts
/// (in memory there), compares only the rows whose affair or texts changed against the other rows of their affair,
/// stores new open pairs, drops open pairs that no longer resemble, and publishes the pairs to the session's boards.
/// Decided pairs (linked, dismissed, merge proposed, merged) stay as decided.
/// </summary>
internal sealed class DuplicatesGrain(IDbContextFactory<PlanningDb> factory, IOrganisationDirectory organisations, TimeProvider clock)
    : Grain, IDuplicatesGrain
{
    private static readonly string[] Fields = [MatrixFieldNames.Potential, MatrixFieldNames.CooperationObject];

    private readonly Dictionary<Guid, Entry> _rows = [];
    private readonly Dictionary<(Guid, Guid), DuplicatePairRecord> _pairs = [];
    private readonly Dictionary<Guid, string> _names = [];
    private HashSet<Guid> _invited = [];
    private long _seq = -1;
    private IGrainTimer? _pending;

    private static readonly TimeSpan SyncDelay = TimeSpan.FromMilliseconds(300);
    private bool _pairsLoaded;

    private sealed record Entry(Guid Owner, string? AffairJson, string? PotentialJson, string? ObjectJson, bool Merged,
        string Affair, string Potential, string Object, IReadOnlyList<string> PotentialTokens, IReadOnlyList<string> ObjectTokens)
    {
        public string Text(string field) => field == MatrixFieldNames.Potential ? Potential : Object;

        public IReadOnlyList<string> Tokens(string field) => field == MatrixFieldNames.Potential ? PotentialTokens : ObjectTokens;
    }

    private IMatrixGrain Matrix => GrainFactory.GetGrain<IMatrixGrain>(this.GetPrimaryKey());

    /// <summary>
    /// Every host's fan-out calls this after every batch: comparing at once would read the whole matrix from its grain
    /// at the sequencer's rate (hundreds of times a second in a busy session). Changes are gathered instead and
    /// compared at most once per <see cref="SyncDelay"/>; a board sees a new pair that much later.
    /// </summary>
    public Task Changed(long seq)
    {
        if (seq > _seq && _pending is null)
        {
            _pending = this.RegisterGrainTimer(async _ =>
            {
                _pending?.Dispose();
                _pending = null;
                await SyncAsync();
            }, SyncDelay, SyncDelay);
        }

        return Task.CompletedTask;
    }

    public async Task<List<PairMessage>> List()
    {
        await SyncAsync();
        return await PairsAsync();
    }

    public async Task<List<SimilarMessage>> FindSimilar(string affairCode, string text)
    {
        await SyncAsync();
        var tokens = IndonesianSimilarity.Tokens(text);
        if (tokens.Count == 0)
            return [];
        var found = new List<SimilarMessage>();
        foreach (var (rowId, entry) in _rows.Where(r => r.Value.Affair == affairCode && !r.Value.Merged))
        {
            var best = Fields.Select(f => (Field: f, Score: IndonesianSimilarity.Score(tokens, entry.Tokens(f)))).MaxBy(x => x.Score);
            if (best.Score >= IndonesianSimilarity.Threshold)
                found.Add(new SimilarMessage(rowId, entry.Owner, await NameAsync(entry.Owner), best.Field, entry.Text(best.Field), best.Score));
        }

        return [.. found.OrderByDescending(s => s.Score).Take(5)];
    }

    public async Task<PairOutcome> Decide(Caller caller, Guid pairId, string decision)
    {
        await SyncAsync();
        if (!caller.CanContribute)
            return Refused(RejectionCodes.Forbidden, "Observers read the pairs; they do not decide about them.");
        if (!caller.CanFacilitate && !_invited.Contains(caller.OrganisationId))
            return Refused(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
        var pair = _pairs.Values.FirstOrDefault(p => p.Id == pairId);
        if (pair is null)
            return Refused(RejectionCodes.UnknownPair, $"No duplicate pair {pairId} in this matrix.");
        if (!caller.CanFacilitate && !OwnedBy(pair, caller.OrganisationId))
            return Refused(RejectionCodes.Forbidden, "Only the authors of the two rows or a facilitator decide about a pair.");
        var status = decision switch
        {
            DuplicateDecisions.Link => DuplicateStatuses.Linked,
            DuplicateDecisions.Dismiss => DuplicateStatuses.Dismissed,
            DuplicateDecisions.ProposeMerge => DuplicateStatuses.MergeProposed,
            DuplicateDecisions.Reopen => DuplicateStatuses.Open,
            _ => null,
        };
        if (status is null)
            return Refused(RejectionCodes.InvalidDecision, "Decide 'link', 'dismiss', 'propose_merge' or 'reopen'.");
        if (pair.Status == DuplicateStatuses.Merged)
            return Refused("already_merged", "The rows are merged already.");
        return await SetStatusAsync(pair, status, caller);
    }

    public async Task<PairOutcome> Merged(Caller caller, Guid pairId)
    {
        await SyncAsync();
        var pair = _pairs.Values.FirstOrDefault(p => p.Id == pairId);
        return pair is null ? Refused(RejectionCodes.UnknownPair, $"No duplicate pair {pairId} in this matrix.")
            : await SetStatusAsync(pair, DuplicateStatuses.Merged, caller);
    }

    private async Task<PairOutcome> SetStatusAsync(DuplicatePairRecord pair, string status, Caller caller)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = await db.DuplicatePairs.FirstAsync(p => p.Id == pair.Id);
            stored.Status = status;
            stored.DecidedAt = clock.GetUtcNow();
            stored.DecidedByUserId = caller.UserId;
            stored.DecidedByName = caller.DisplayName;
            stored.DecidedByOrganisationId = caller.OrganisationId;
            stored.DecidedByOrganisationName = caller.OrganisationName;
            await db.SaveChangesAsync();
            _pairs[(pair.RowA, pair.RowB)] = stored;
            pair = stored;
        }

        await PublishAsync();
        return new PairOutcome(await ToMessageAsync(pair), null);
    }

    private bool OwnedBy(DuplicatePairRecord pair, Guid organisationId) =>
        _rows.GetValueOrDefault(pair.RowA)?.Owner == organisationId || _rows.GetValueOrDefault(pair.RowB)?.Owner == organisationId;

    /// <summary>Reads the matrix's row texts and compares the rows that changed since the last look.</summary>
    private async Task SyncAsync()
    {
        var texts = await Matrix.GetRowTexts();
        _invited = [.. texts.Invited];
        if (!_pairsLoaded)
        {
            await using var db = await factory.CreateDbContextAsync();
            var exerciseId = this.GetPrimaryKey();
            foreach (var pair in await db.DuplicatePairs.AsNoTracking().Where(p => p.ExerciseId == exerciseId).ToListAsync())
                _pairs[(pair.RowA, pair.RowB)] = pair;
            _pairsLoaded = true;
        }

        if (texts.Seq == _seq)
            return;
        _seq = texts.Seq;
        var touched = new HashSet<Guid>();
        var present = texts.Rows.Select(r => r.RowId).ToHashSet();
        foreach (var gone in _rows.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _rows.Remove(gone);
            touched.Add(gone);
        }

        foreach (var row in texts.Rows)
        {
            if (_rows.TryGetValue(row.RowId, out var known) && known.AffairJson == row.AffairCode && known.PotentialJson == row.Potential
                && known.ObjectJson == row.Object && known.Merged == row.Merged)
            {
                continue;
            }

            var potential = Read(row.Potential);
            var obj = Read(row.Object);
            _rows[row.RowId] = new Entry(row.Owner, row.AffairCode, row.Potential, row.Object, row.Merged, Read(row.AffairCode), potential, obj,
                IndonesianSimilarity.Tokens(potential), IndonesianSimilarity.Tokens(obj));
            touched.Add(row.RowId);
        }

        bool changed;
        try
        {
            changed = touched.Count > 0 && await ComparedAsync(touched);
        }
        catch
        {
            // The store and this activation may now disagree (e.g. another activation stored the same pair during a
            // failover): forget everything and read it all again on the next call.
            (_seq, _pairsLoaded) = (-1, false);
            _rows.Clear();
            _pairs.Clear();
            throw;
        }

        if (changed)
            await PublishAsync();
    }

    /// <summary>Finds the pairs of the touched rows; true when the stored pairs changed.</summary>
    private async Task<bool> ComparedAsync(HashSet<Guid> touched)
    {
        var found = new Dictionary<(Guid, Guid), (string Affair, string Field, double Score)>();
        foreach (var rowId in touched)
        {
            if (!_rows.TryGetValue(rowId, out var entry) || entry.Merged || entry.Affair.Length == 0)
                continue;
            foreach (var (otherId, other) in _rows)
            {
                if (otherId == rowId || other.Merged || other.Affair != entry.Affair)
                    continue;
                var best = Fields.Select(f => (Field: f, Score: IndonesianSimilarity.Score(entry.Tokens(f), other.Tokens(f)))).MaxBy(x => x.Score);
                if (best.Score >= IndonesianSimilarity.Threshold)
                    found[Key(rowId, otherId)] = (entry.Affair, best.Field, best.Score);
            }
        }

        var exerciseId = this.GetPrimaryKey();
        await using var db = await factory.CreateDbContextAsync();
        var changed = false;
        // Open pairs of a touched row that no longer resemble (or whose row left) go; decided pairs stay.
        foreach (var (key, pair) in _pairs.Where(p => (touched.Contains(p.Key.Item1) || touched.Contains(p.Key.Item2))
                     && p.Value.Status == DuplicateStatuses.Open && !found.ContainsKey(p.Key)).ToList())
        {
            db.DuplicatePairs.Remove(new DuplicatePairRecord { Id = pair.Id, Status = pair.Status });
            _pairs.Remove(key);
            changed = true;
        }

        foreach (var (key, (affair, field, score)) in found)
        {
            if (_pairs.TryGetValue(key, out var known))
            {
                if (known.Status == DuplicateStatuses.Open && (known.Field != field || Math.Abs(known.Score - score) > 0.0001))
                {
                    known.Field = field;
                    known.Score = score;
                    db.DuplicatePairs.Attach(known);
                    db.Entry(known).Property(p => p.Field).IsModified = true;
                    db.Entry(known).Property(p => p.Score).IsModified = true;
                    changed = true;
                }

                continue;
            }

            var pair = new DuplicatePairRecord
            {
                Id = Guid.CreateVersion7(), ExerciseId = exerciseId, RowA = key.Item1, RowB = key.Item2, AffairCode = affair, Field = field,
                Score = score, Status = DuplicateStatuses.Open, DetectedAt = clock.GetUtcNow(),
            };
            db.DuplicatePairs.Add(pair);
            _pairs[key] = pair;
            changed = true;
        }

        if (changed)
            await db.SaveChangesAsync();
        foreach (var entry in db.ChangeTracker.Entries<DuplicatePairRecord>().ToList())
            entry.State = EntityState.Detached;
        return changed;
    }

    private async Task PublishAsync() => await Matrix.PublishDuplicates(await PairsAsync());

    private async Task<List<PairMessage>> PairsAsync()
    {
        var list = new List<PairMessage>(_pairs.Count);
        foreach (var pair in _pairs.Values.OrderBy(p => p.DetectedAt).ThenBy(p => p.Id))
            list.Add(await ToMessageAsync(pair));
        return list;
    }

    private async Task<PairMessage> ToMessageAsync(DuplicatePairRecord pair) => new(pair.Id, pair.AffairCode, pair.Field, pair.Score,
        await SideAsync(pair.RowA, pair.Field), await SideAsync(pair.RowB, pair.Field), pair.Status,
        pair.DecidedByUserId is { } by ? new AuthorMessage(by, pair.DecidedByName ?? "", pair.DecidedByOrganisationId ?? Guid.Empty, pair.DecidedByOrganisationName ?? "") : null);

    private async Task<PairSideMessage> SideAsync(Guid rowId, string field) => _rows.TryGetValue(rowId, out var entry)
        ? new PairSideMessage(rowId, entry.Owner, await NameAsync(entry.Owner), entry.Text(field))
        : new PairSideMessage(rowId, Guid.Empty, "", "");

    private async Task<string> NameAsync(Guid organisationId)
    {
        if (_names.TryGetValue(organisationId, out var name))
            return name;
        name = (await organisations.FindAsync(organisationId, CancellationToken.None))?.Name ?? "";
        _names[organisationId] = name;
        return name;
    }

    private static (Guid, Guid) Key(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    private static string Read(string? json) =>
        json is null ? "" : JsonSerializer.Deserialize<JsonElement>(json) is { ValueKind: JsonValueKind.String } e ? e.GetString() ?? "" : "";

    private static PairOutcome Refused(string code, string message) => new(null, new FieldError(code, message));
}
