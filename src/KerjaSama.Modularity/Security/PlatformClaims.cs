namespace KerjaSama.Modularity.Security;

/// <summary>
/// Claim types every authenticated principal carries, whatever signed it in (cookie, bearer token, federation).
/// </summary>
public static class PlatformClaims
{
    /// <summary>The local user's id (a Guid).</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    /// <summary>The organisation the user acts for in this sign-in (a Registry organisation id).</summary>
    public const string OrganisationId = "org_id";

    public const string OrganisationName = "org_name";

    /// <summary>The user's role in that organisation, one of <see cref="PlatformRoles"/>.</summary>
    public const string Role = "role";
}
