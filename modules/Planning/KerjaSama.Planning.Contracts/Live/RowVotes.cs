namespace KerjaSama.Planning.Contracts.Live;

/// <summary>Votes on one row.</summary>
public sealed record RowVotes
{
    public Guid RowId { get; init; }

    public int Votes { get; init; }
}
