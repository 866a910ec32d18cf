namespace KerjaSama.Planning.Contracts.Live;

/// <summary>
/// A prioritisation round as the receiving connection may see it. Before the reveal an organisation sees only its own
/// votes (<see cref="MyVotes"/>, <see cref="VotesLeft"/>) and facilitators see <see cref="Participation"/>; the
/// <see cref="Tally"/> is sent to everyone once the round is revealed or closed.
/// </summary>
public sealed record VoteRound
{
    public Guid RoundId { get; init; }

    public Guid SessionId { get; init; }

    public string Label { get; init; } = "";

    public string? AffairCode { get; init; }

    /// <summary>The rows voted on, fixed when the round started.</summary>
    public List<Guid> RowIds { get; init; } = [];

    public int VotesPerOrganisation { get; init; }

    /// <summary><see cref="VoteStates"/>.</summary>
    public string State { get; init; } = "";

    public bool Revealed { get; init; }

    /// <summary>Whether the receiving organisation may vote in this round (invited and a contributor).</summary>
    public bool CanVote { get; init; }

    public List<RowVotes> MyVotes { get; init; } = [];

    public int VotesLeft { get; init; }

    /// <summary>Votes per row, most first; null until revealed or closed.</summary>
    public List<RowVotes>? Tally { get; init; }

    /// <summary>For facilitators only: votes cast per invited organisation; null for everyone else.</summary>
    public List<OrganisationVotes>? Participation { get; init; }

    /// <summary>How many organisations have cast at least one vote.</summary>
    public int OrganisationsVoted { get; init; }
}
