namespace KerjaSama.Identity.Users;

/// <summary>A local account. Federated users have an ExternalLogin (issuer, subject) instead of a password.</summary>
internal sealed class User
{
    public Guid Id { get; set; }

    /// <summary>The sign-in name: an email address, stored lower-case.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public string? PasswordHash { get; set; }

    public bool Disabled { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>SHA-256 of an unused invitation token (the token itself is only in the invitation link).</summary>
    public string? InvitationHash { get; set; }

    public DateTimeOffset? InvitationExpiresAt { get; set; }

    /// <summary>Raised whenever the user's open sessions must be re-checked at once (suspension, role change, the partner's
    /// provider removed); every cookie carries the value it was issued with.</summary>
    public long SessionVersion { get; set; }

    /// <summary>The language the user reads: <c>id</c> (the default) or <c>en</c> (issue 20). E-mails to the user and the
    /// user's exports follow it; the shell's language switch sets it when the user is signed in.</summary>
    public string Language { get; set; } = "id";

    public List<Membership> Memberships { get; } = [];
}
