namespace KerjaSama.Planning.Contracts.Monitor;

/// <summary>
/// The secretariat's live monitor of one mapping session, computed from the op log and the rows as stored plus the
/// session's presence. <see cref="Seq"/> is the matrix sequence the figures include; <see cref="Revision"/> orders
/// snapshots of the same host: a client keeps the one with the highest revision.
/// </summary>
public sealed record SessionMonitor
{
    public Guid SessionId { get; init; }

    public Guid ExerciseId { get; init; }

    public string ExerciseTitle { get; init; } = "";

    public string RegionCode { get; init; } = "";

    /// <summary><c>provinsi</c> or <c>kabupaten_kota</c>: whose affairs the coverage lists.</summary>
    public string Level { get; init; } = "";

    /// <summary><c>open</c>, <c>locked</c> or <c>closed</c>.</summary>
    public string State { get; init; } = "";

    public DateTimeOffset OpenedAt { get; init; }

    public long Seq { get; init; }

    public long Revision { get; init; }

    public DateTimeOffset ComputedAt { get; init; }

    /// <summary>Live (not removed) rows of the matrix.</summary>
    public int Rows { get; init; }

    /// <summary>Ops applied in this session.</summary>
    public int Ops { get; init; }

    public List<OnlineOrganisation> Online { get; init; } = [];

    public List<OrganisationContribution> Contributions { get; init; } = [];

    public List<AffairCoverage> Coverage { get; init; } = [];

    /// <summary>Invited organisations none of whose members has joined this session.</summary>
    public List<InvitedOrganisation> NotJoined { get; init; } = [];

    /// <summary>Invited organisations that have applied no op in this session.</summary>
    public List<InvitedOrganisation> NotContributed { get; init; } = [];

    /// <summary>The latest ops of the session, newest first.</summary>
    public List<MonitorFeedEntry> Feed { get; init; } = [];
}
