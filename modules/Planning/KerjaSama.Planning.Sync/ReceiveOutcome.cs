namespace KerjaSama.Planning.Sync;

/// <summary>What became of a received op.</summary>
public enum ReceiveOutcome
{
    /// <summary>Applied, with any buffered ops it unblocked.</summary>
    Applied,

    /// <summary>Already in the replica: ignored.</summary>
    Old,

    /// <summary>Kept until the join in progress (or the first one) answers.</summary>
    Buffered,

    /// <summary>Ops are missing before it: kept; join again from <see cref="SyncEngine.Seq"/>.</summary>
    Gap,
}
