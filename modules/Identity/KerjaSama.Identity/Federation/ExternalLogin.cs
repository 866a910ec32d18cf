namespace KerjaSama.Identity.Federation;

/// <summary>A local user as known by an external provider: the pair (issuer, subject) is the only key that matches.</summary>
internal sealed class ExternalLogin
{
    public Guid Id { get; set; }

    public required string Issuer { get; set; }

    public required string Subject { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The provider registration of the first sign-in (kept when the registration is removed).</summary>
    public Guid ProviderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSignInAt { get; set; }
}
