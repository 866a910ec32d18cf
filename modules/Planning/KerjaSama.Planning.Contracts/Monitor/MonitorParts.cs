namespace KerjaSama.Planning.Contracts.Monitor;

/// <summary>An organisation with people in the session now.</summary>
public sealed record OnlineOrganisation(Guid OrganisationId, string OrganisationName, List<OnlinePerson> People);

public sealed record OnlinePerson(Guid UserId, string DisplayName, string Role);

/// <summary>
/// What an organisation did in the session (from the op log): rows added, fields written by updates, rows removed,
/// its last op; and the live rows it owns in the matrix now.
/// </summary>
public sealed record OrganisationContribution(
    Guid OrganisationId, string OrganisationName, bool Invited, int RowsAdded, int FieldsEdited, int RowsRemoved, int Ops,
    int RowsOwned, DateTimeOffset? LastActivity);

/// <summary>Live rows per government affair; <see cref="Empty"/> marks an affair of the region's level with no row yet.</summary>
public sealed record AffairCoverage(string AffairCode, string AffairName, int Rows, bool OfLevel, bool Empty);

public sealed record InvitedOrganisation(Guid OrganisationId, string Name, string Kind);

/// <summary>One op of the latest-changes feed: who (and which organisation) changed which row and fields, when.</summary>
public sealed record MonitorFeedEntry(
    long Seq, DateTimeOffset At, string Kind, Guid RowId, List<string> Fields, Guid AuthorUserId, string AuthorName, Guid OrganisationId,
    string OrganisationName);

/// <summary>Every live (not closed) session, for the monitor across sessions.</summary>
public sealed record MonitorOverview(DateTimeOffset ComputedAt, List<SessionMonitor> Sessions);
