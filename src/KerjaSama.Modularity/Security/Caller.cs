using System.Security.Claims;

namespace KerjaSama.Modularity.Security;

/// <summary>Who makes a call, as every module, hub and grain sees it. Immutable and serialisable to grains.</summary>
[GenerateSerializer, Immutable, Alias("KerjaSama.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Guid OrganisationId,
    [property: Id(3)] string OrganisationName,
    [property: Id(4)] string Role)
{
    public bool CanFacilitate => PlatformRoles.CanFacilitate(Role);

    public bool CanContribute => PlatformRoles.CanContribute(Role);

    /// <summary>The caller of an authenticated principal, or null when a claim is missing or malformed.</summary>
    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
            return null;
        var sub = principal.FindFirst(PlatformClaims.Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var org = principal.FindFirst(PlatformClaims.OrganisationId)?.Value;
        var role = principal.FindFirst(PlatformClaims.Role)?.Value ?? principal.FindFirst(ClaimTypes.Role)?.Value;
        if (!Guid.TryParse(sub, out var userId) || !Guid.TryParse(org, out var organisationId) || role is null
            || !PlatformRoles.All.Contains(role))
        {
            return null;
        }

        return new Caller(userId, principal.FindFirst(PlatformClaims.Name)?.Value ?? sub!, organisationId,
            principal.FindFirst(PlatformClaims.OrganisationName)?.Value ?? "", role);
    }
}
