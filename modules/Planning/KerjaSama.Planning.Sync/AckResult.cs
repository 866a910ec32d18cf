namespace KerjaSama.Planning.Sync;

/// <summary>What became of an acknowledged op.</summary>
public enum AckResult
{
    /// <summary>Nothing was stored (rate limited, not committed): send the same op id again a moment later.</summary>
    Retry,

    /// <summary>Applied or a duplicate: laid over the rows until its Applied op arrives.</summary>
    Confirmed,

    /// <summary>Refused for good: in <see cref="SyncEngine.Rejected"/>.</summary>
    Rejected,
}
