namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>Who asks Planning to open or close a live session (the signed-in caller of another module).</summary>
public sealed record SessionActor(Guid UserId, string DisplayName, Guid OrganisationId, string OrganisationName, string Role);
