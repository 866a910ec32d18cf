namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>Rows added to a matrix by one organisation for one government affair (null when the row has none yet).</summary>
public sealed record RowsAdded(Guid OrganisationId, string OrganisationName, string? AffairCode, int Count);
