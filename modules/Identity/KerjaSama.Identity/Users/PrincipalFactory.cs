using System.Globalization;
using System.Security.Claims;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace KerjaSama.Identity.Users;

/// <summary>Builds the principal of a sign-in: the <see cref="PlatformClaims"/> of one active membership.</summary>
internal sealed class PrincipalFactory(IOrganisationDirectory organisations, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock)
{
    /// <summary>Private claim: when the user typed the password; bounds the refresh-token chain (absolute lifetime).</summary>
    public const string AuthTime = "ks_auth_time";

    /// <summary>Private claim: the user's <see cref="User.SessionVersion"/> when the principal was made.</summary>
    public const string SessionVersion = "ks_session";

    /// <summary>Private claim: the partner provider registration the user signed in through (federated sign-ins only).</summary>
    public const string Provider = "ks_idp";

    /// <summary>The chosen membership (or the first active one), or null when the user has none that is active.</summary>
    public static Membership? PickMembership(User user, Guid? organisationId) =>
        user.Memberships
            .Where(m => m.Status == MembershipStatus.Active && (organisationId is null || m.OrganisationId == organisationId))
            .OrderBy(m => m.CreatedAt)
            .FirstOrDefault();

    public async Task<ClaimsPrincipal?> CreateAsync(User user, Guid? organisationId, string authenticationType, DateTimeOffset? authTime,
        CancellationToken ct, Guid? providerId = null)
    {
        if (user.Disabled || PickMembership(user, organisationId) is not { } membership)
            return null;
        var organisation = await organisations.FindAsync(membership.OrganisationId, ct);
        if (organisation is { Active: false })
            return null;

        var identity = new ClaimsIdentity(authenticationType, PlatformClaims.Name, PlatformClaims.Role);
        identity.AddClaim(new Claim(PlatformClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.Name, user.DisplayName));
        identity.AddClaim(new Claim(PlatformClaims.OrganisationId, membership.OrganisationId.ToString()));
        identity.AddClaim(new Claim(PlatformClaims.OrganisationName, organisation?.Name ?? membership.OrganisationName));
        identity.AddClaim(new Claim(PlatformClaims.Role, membership.Role));
        identity.AddClaim(new Claim(AuthTime, (authTime ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SessionVersion, user.SessionVersion.ToString(CultureInfo.InvariantCulture)));
        if (providerId is { } provider)
            identity.AddClaim(new Claim(Provider, provider.ToString()));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The platform claims go into access and identity tokens; the private sign-in time into neither.</summary>
    public static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        PlatformClaims.Subject or PlatformClaims.Name or PlatformClaims.OrganisationId or PlatformClaims.OrganisationName or PlatformClaims.Role =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };

    public static Guid? ReadProvider(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirst(Provider)?.Value, out var id) ? id : null;

    public static long? ReadSessionVersion(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(SessionVersion)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static DateTimeOffset? ReadAuthTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(AuthTime)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
