namespace KerjaSama.Planning.Contracts.Live;

/// <summary>A row of the same affair whose potential or object resembles a text (<c>CheckSimilar</c>).</summary>
public sealed record SimilarRow
{
    public Guid RowId { get; init; }

    public Guid OwnerOrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    /// <summary><c>potential</c> or <c>object</c>.</summary>
    public string Field { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>0..1; pairs are flagged from <c>0.6</c> (docs/live-sessions.md).</summary>
    public double Score { get; init; }
}
