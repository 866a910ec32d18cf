namespace KerjaSama.Identity.Contracts;

/// <summary>
/// The sign-on registrations of partner organisations (their own OpenID Connect providers), for the Partners pages.
/// Changes take effect at once on this host and within the refresh interval on the others.
/// </summary>
public interface IPartnerSignOn
{
    /// <summary>Every registration, or those of one organisation.</summary>
    Task<IReadOnlyList<PartnerSignOnInfo>> ListAsync(Guid? organisationId, CancellationToken cancellationToken);

    /// <summary>The registration with that id, or null.</summary>
    Task<PartnerSignOnInfo?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Creates (id null) or replaces a registration; on invalid input nothing is stored and the errors name the fields.</summary>
    Task<PartnerSignOnOutcome> SaveAsync(Guid? id, PartnerSignOnRequest request, PartnerSignOnActor actor, CancellationToken cancellationToken);

    /// <summary>Removes a registration; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid id, PartnerSignOnActor actor, CancellationToken cancellationToken);
}

/// <summary>A registration as others see it: the client secret is never given out, only whether there is one.</summary>
public sealed record PartnerSignOnInfo(Guid Id, Guid OrganisationId, string OrganisationName, string DisplayName, string Issuer,
    string ClientId, bool HasClientSecret, IReadOnlyList<string> Scopes, string NameClaim, string EmailClaim,
    IReadOnlyList<string> Domains, bool RequireApproval, DateTimeOffset UpdatedAt, bool Disabled = false);

/// <summary>
/// What the secretariat types. A null <paramref name="ClientSecret"/> on an update keeps the stored secret; a null
/// <paramref name="Disabled"/> keeps the stored state (a disabled registration offers no sign-in and ends its users' sessions).
/// </summary>
public sealed record PartnerSignOnRequest(Guid? OrganisationId, string? DisplayName, string? Issuer, string? ClientId, string? ClientSecret,
    IReadOnlyList<string>? Scopes, string? NameClaim, string? EmailClaim, IReadOnlyList<string>? Domains, bool? RequireApproval,
    bool? Disabled = null);

/// <summary>The saved registration, or the errors by field name (camelCase, as in the API), or <see cref="NotFound"/>.</summary>
public sealed record PartnerSignOnOutcome(PartnerSignOnInfo? Registration, IReadOnlyDictionary<string, string[]>? Errors, bool NotFound = false);

/// <summary>Who changes a registration and from where, for the audit log.</summary>
public sealed record PartnerSignOnActor(Guid UserId, string? IpAddress);
