namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// Starts a prioritisation round on a set of rows: every live row of <see cref="AffairCode"/>, or exactly
/// <see cref="RowIds"/> (one of the two). Each invited organisation gets <see cref="VotesPerOrganisation"/> votes.
/// </summary>
public sealed record StartVoteRequest
{
    public Guid SessionId { get; init; }

    /// <summary>What is decided, e.g. "Prioritas urusan Kesehatan" (at most 200 characters).</summary>
    public string Label { get; init; } = "";

    public string? AffairCode { get; init; }

    public List<Guid>? RowIds { get; init; }

    /// <summary>1–20; 0 means the default (3). Several votes may go to one row.</summary>
    public int VotesPerOrganisation { get; init; }
}
