namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The answer to <c>Join</c>: the current sequence and either a snapshot or the ops missed since <c>sinceSeq</c>.</summary>
public sealed record JoinResult
{
    public Guid SessionId { get; init; }

    public long Seq { get; init; }

    /// <summary><c>open</c>, <c>locked</c> or <c>closed</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>Every live row, when the client joined with <c>sinceSeq = 0</c>; otherwise null.</summary>
    public List<MatrixRowSnapshot>? Rows { get; init; }

    /// <summary>Every applied op with a sequence above <c>sinceSeq</c>, in order (empty on a snapshot).</summary>
    public List<AppliedOp> Ops { get; init; } = [];

    public List<Participant> Participants { get; init; } = [];

    /// <summary>The timer, the latest vote round and the facilitator's view, so that a reconnecting board is complete.</summary>
    public FacilitationState? Facilitation { get; init; }
}
