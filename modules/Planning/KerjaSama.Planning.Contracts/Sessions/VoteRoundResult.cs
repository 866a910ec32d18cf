namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>One prioritisation round: its label, state (<c>open</c> or <c>closed</c>), how many organisations voted, the rows ranked.</summary>
public sealed record VoteRoundResult(Guid RoundId, Guid SessionId, string Label, string? AffairCode, string State, int VotesPerOrganisation,
    int OrganisationsVoted, IReadOnlyList<VotedRow> Rows);

/// <summary>A row of a round with its potential (as it reads now) and the votes it received.</summary>
public sealed record VotedRow(Guid RowId, string? Potential, int Votes);
