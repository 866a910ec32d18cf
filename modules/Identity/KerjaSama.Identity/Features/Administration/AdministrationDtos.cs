namespace KerjaSama.Identity.Features.Administration;

internal sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, Guid? OrganisationId, string? Role);

internal sealed record ChangeMembershipRequest(string? Role, string? Status);

internal sealed record MembershipDto(Guid Id, Guid UserId, string UserName, string DisplayName, Guid OrganisationId, string OrganisationName,
    string Role, string Status);

internal sealed record AuditEntryDto(DateTimeOffset At, string Kind, Guid? UserId, string? Subject, Guid? ActorId, string? IpAddress, string? Detail);

/// <summary><paramref name="Language"/>: the invitee's language, <c>id</c> (default) or <c>en</c>; the invitation e-mail is written in it.</summary>
internal sealed record InviteRequest(string? UserName, string? DisplayName, Guid? OrganisationId, string? Role, string? Language = null);

/// <summary>The link is given out only when it could not be e-mailed (mail disabled or failing): the invitee alone should hold it.</summary>
internal sealed record InvitationDto(MembershipDto Membership, bool Emailed, string? InvitationUrl);
