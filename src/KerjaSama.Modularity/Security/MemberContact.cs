namespace KerjaSama.Modularity.Security;

/// <summary>A member of an organisation as other modules may address them. <see cref="Email"/> is the sign-in name.</summary>
public sealed record MemberContact(Guid UserId, string DisplayName, string Email, Guid OrganisationId, string Role);
