namespace KerjaSama.Planning.Contracts.Live;

/// <summary>Someone in a live session, and what they have in focus.</summary>
public sealed record Participant
{
    public Guid UserId { get; init; }

    public string DisplayName { get; init; } = "";

    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    public string Role { get; init; } = "";

    public Guid? FocusRowId { get; init; }

    public string? FocusField { get; init; }
}
