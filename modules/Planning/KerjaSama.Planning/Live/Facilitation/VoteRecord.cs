namespace KerjaSama.Planning.Live.Facilitation;

/// <summary>The votes one organisation has on one row of a round (one vote set per organisation, shared by its people).</summary>
internal sealed class VoteRecord
{
    public Guid RoundId { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid RowId { get; set; }

    public int Votes { get; set; }

    public string OrganisationName { get; set; } = "";

    /// <summary>Who of the organisation cast or retracted last.</summary>
    public Guid LastUserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
