namespace KerjaSama.Planning.Contracts.Live;

/// <summary>A matrix row as it stands: its owner and every field that has a value.</summary>
public sealed record MatrixRowSnapshot
{
    public Guid RowId { get; init; }

    public Guid OwnerOrganisationId { get; init; }

    public Dictionary<string, object?> Fields { get; init; } = [];

    /// <summary>The sequence of the last op that changed the row.</summary>
    public long Seq { get; init; }
}
