namespace KerjaSama.Identity.Users;

/// <summary>A user's place in one Registry organisation, with one of the PlatformRoles.</summary>
internal sealed class Membership
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The organisation's name when the membership was made; the Registry's current name wins at sign-in.</summary>
    public required string OrganisationName { get; set; }

    public required string Role { get; set; }

    public MembershipStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum MembershipStatus
{
    Invited,
    Pending,
    Active,
    Suspended,
}
