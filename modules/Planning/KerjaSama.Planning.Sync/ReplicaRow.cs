namespace KerjaSama.Planning.Sync;

/// <summary>A row of a replica: as the server has it, or (from <see cref="SyncEngine.ViewRows"/>) with this user's overlay.</summary>
public sealed class ReplicaRow
{
    public required Guid Id { get; init; }

    public required Guid Owner { get; init; }

    public required Dictionary<string, object?> Fields { get; init; }

    public long Seq { get; set; }

    /// <summary>Arrival order: rows are shown in the order they were added.</summary>
    public long Order { get; init; }

    /// <summary>This user's unconfirmed fields (overlay rows only).</summary>
    public HashSet<string> PendingFields { get; init; } = [];

    /// <summary>Added by this user and not yet confirmed.</summary>
    public bool Pending { get; init; }
}
