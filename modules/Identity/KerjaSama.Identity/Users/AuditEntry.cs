namespace KerjaSama.Identity.Users;

/// <summary>One security-relevant event: who, what, when and from where.</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public required string Kind { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The name that was typed or the client id, also for unknown users.</summary>
    public string? Subject { get; set; }

    /// <summary>Who did it when it was someone else (e.g. the administrator who changed a role).</summary>
    public Guid? ActorId { get; set; }

    public string? IpAddress { get; set; }

    public string? Detail { get; set; }
}

internal static class AuditKinds
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string LockedOut = "locked_out";
    public const string SignOut = "sign_out";
    public const string RoleChanged = "role_changed";
    public const string MembershipStatusChanged = "membership_status_changed";
    public const string UserCreated = "user_created";
    public const string UserInvited = "user_invited";
    public const string InvitationAccepted = "invitation_accepted";
    public const string MembershipAdded = "membership_added";
    public const string ProviderChanged = "identity_provider_changed";
}
