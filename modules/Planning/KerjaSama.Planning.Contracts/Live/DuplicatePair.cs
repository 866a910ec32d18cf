namespace KerjaSama.Planning.Contracts.Live;

/// <summary>Two rows of one affair whose potential or object resemble each other, and what was decided about them.</summary>
public sealed record DuplicatePair
{
    public Guid PairId { get; init; }

    public string AffairCode { get; init; } = "";

    /// <summary><c>potential</c> or <c>object</c>: the field that resembles most.</summary>
    public string Field { get; init; } = "";

    public double Score { get; init; }

    public DuplicateSide RowA { get; init; } = new();

    public DuplicateSide RowB { get; init; } = new();

    /// <summary>See <see cref="DuplicateStatuses"/>.</summary>
    public string Status { get; init; } = "";

    public Author? DecidedBy { get; init; }
}

/// <summary>One row of a duplicate pair.</summary>
public sealed record DuplicateSide
{
    public Guid RowId { get; init; }

    public Guid OwnerOrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    public string Text { get; init; } = "";
}
