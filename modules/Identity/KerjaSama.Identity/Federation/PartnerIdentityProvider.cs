namespace KerjaSama.Identity.Federation;

/// <summary>A partner organisation's own OpenID Connect provider: its users sign in with it and act for that organisation.</summary>
internal sealed class PartnerIdentityProvider
{
    public Guid Id { get; set; }

    /// <summary>The Registry organisation its users belong to; never inferred from an email domain.</summary>
    public Guid OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    /// <summary>Shown on the sign-in page: "Masuk dengan {DisplayName}".</summary>
    public required string DisplayName { get; set; }

    /// <summary>The provider's issuer, absolute (its discovery document lives under it).</summary>
    public required string Issuer { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The client secret protected with ASP.NET Core data protection; null for a public client (PKCE only).</summary>
    public string? ProtectedClientSecret { get; set; }

    /// <summary>Space-separated scopes asked for besides <c>openid</c>.</summary>
    public required string Scopes { get; set; }

    /// <summary>The claim of the provider's tokens that holds the user's display name.</summary>
    public required string NameClaim { get; set; }

    /// <summary>The claim that holds the user's email address; its domain must be one of the provider's domains.</summary>
    public required string EmailClaim { get; set; }

    /// <summary>True: a first sign-in leaves the membership pending until the secretariat approves it.</summary>
    public bool RequireApproval { get; set; } = true;

    /// <summary>A disabled registration is kept but offers no sign-in, and the sessions of its users end.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Grows with each change; part of the OpenIddict registration id, so a change is never served from a stale cache.</summary>
    public long Version { get; set; }

    public List<PartnerEmailDomain> Domains { get; } = [];
}

/// <summary>An email domain served by one provider; a domain belongs to at most one provider.</summary>
internal sealed class PartnerEmailDomain
{
    public required string Domain { get; set; }

    public Guid ProviderId { get; set; }
}
