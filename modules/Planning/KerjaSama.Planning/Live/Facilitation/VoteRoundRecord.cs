namespace KerjaSama.Planning.Live.Facilitation;

/// <summary>A prioritisation round of a live session: which rows, how many votes per organisation, open or closed.</summary>
internal sealed class VoteRoundRecord
{
    public Guid Id { get; set; }

    public Guid ExerciseId { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>1, 2, … within the session: orders the rounds (SQLite cannot order DateTimeOffset).</summary>
    public int Number { get; set; }

    public string Label { get; set; } = "";

    public string? AffairCode { get; set; }

    public string RowIdsJson { get; set; } = "[]";

    public int VotesPerOrganisation { get; set; }

    public required string State { get; set; }

    public bool Revealed { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public Guid StartedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
