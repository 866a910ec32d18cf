using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Monitor;

namespace KerjaSama.Planning.Monitor;

/// <summary>
/// The op log of one session folded into the monitor's per-organisation counts and the latest changes. The log is
/// append-only and committed in sequence order, so the fold is extended with the ops after <see cref="LastSeq"/> instead
/// of being recomputed from the whole log on every snapshot (ADR 0010, "Consequences"). Callers hold <see cref="Gate"/>.
/// </summary>
internal sealed class SessionOpTally
{
    /// <summary>How many of the latest changes are kept; the REST feed parameter is clamped to this.</summary>
    public const int FeedCapacity = 200;

    private readonly Queue<MonitorFeedEntry> _recent = new();

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The highest sequence number folded in (0: nothing yet).</summary>
    public long LastSeq { get; private set; }

    public int Ops { get; private set; }

    public long LastUsedTicks { get; set; }

    public Dictionary<Guid, OrganisationTally> ByOrganisation { get; } = [];

    public IEnumerable<MonitorFeedEntry> Latest(int count) => _recent.Reverse().Take(Math.Clamp(count, 1, FeedCapacity));

    /// <summary>Folds in one op; ops at or below <see cref="LastSeq"/> are ignored, so a re-read never counts twice.</summary>
    public void Add(long seq, string kind, Guid rowId, string fieldsJson, Guid authorUserId, string authorName, Guid organisationId,
        string organisationName, DateTimeOffset at)
    {
        if (seq <= LastSeq)
            return;
        LastSeq = seq;
        Ops++;
        var fields = FieldNames(fieldsJson);
        if (!ByOrganisation.TryGetValue(organisationId, out var organisation))
            ByOrganisation[organisationId] = organisation = new OrganisationTally();
        organisation.Ops++;
        organisation.Name = organisationName;
        if (organisation.LastActivity is not { } last || at > last)
            organisation.LastActivity = at;
        switch (kind)
        {
            case OpKinds.Add:
                organisation.RowsAdded++;
                break;
            case OpKinds.Update:
                organisation.FieldsEdited += fields.Count;
                break;
            case OpKinds.Remove:
                organisation.RowsRemoved++;
                break;
        }

        _recent.Enqueue(new MonitorFeedEntry(seq, at, kind, rowId, fields, authorUserId, authorName, organisationId, organisationName));
        while (_recent.Count > FeedCapacity)
            _recent.Dequeue();
    }

    /// <summary>Marks every op up to <paramref name="seq"/> as read (ops of other sessions share the exercise's sequence).</summary>
    public void Advance(long seq)
    {
        if (seq > LastSeq)
            LastSeq = seq;
    }

    private static List<string> FieldNames(string fieldsJson)
    {
        using var document = JsonDocument.Parse(fieldsJson);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}

/// <summary>One organisation's share of a session's op log.</summary>
internal sealed class OrganisationTally
{
    public string Name { get; set; } = "";

    public int RowsAdded { get; set; }

    public int FieldsEdited { get; set; }

    public int RowsRemoved { get; set; }

    public int Ops { get; set; }

    public DateTimeOffset? LastActivity { get; set; }
}
