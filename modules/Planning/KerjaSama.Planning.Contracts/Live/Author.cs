namespace KerjaSama.Planning.Contracts.Live;

/// <summary>Who made an edit.</summary>
public sealed record Author
{
    public Guid UserId { get; init; }

    public string DisplayName { get; init; } = "";

    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";
}
