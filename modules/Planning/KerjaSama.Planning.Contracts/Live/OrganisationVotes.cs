namespace KerjaSama.Planning.Contracts.Live;

/// <summary>How many of its votes one organisation has cast (participation, for facilitators).</summary>
public sealed record OrganisationVotes
{
    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    public int VotesCast { get; init; }
}
