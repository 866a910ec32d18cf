namespace KerjaSama.Planning.Contracts.Live;

/// <summary>An applied op as every participant receives it (<c>Applied</c>), in sequence order.</summary>
public sealed record AppliedOp
{
    public Guid SessionId { get; init; }

    public long Seq { get; init; }

    public Guid OpId { get; init; }

    public string Kind { get; init; } = "";

    public Guid RowId { get; init; }

    public Dictionary<string, object?> Fields { get; init; } = [];

    public Author Author { get; init; } = new();

    public DateTimeOffset At { get; init; }

    /// <summary>Newer values by others that this op overwrote (empty almost always).</summary>
    public List<Overwrite> Overwrites { get; init; } = [];
}
