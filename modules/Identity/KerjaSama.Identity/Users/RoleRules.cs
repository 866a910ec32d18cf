using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;

namespace KerjaSama.Identity.Users;

/// <summary>
/// Which roles an organisation of each Registry kind may hold: the province's own agencies (the secretariat is one of them)
/// the secretariat, facilitator and agency roles; partner governments and third parties the partner role; any organisation
/// observers. Enforced wherever a membership gets a role through the API or the users page.
/// </summary>
internal static class RoleRules
{
    public static IReadOnlyList<string> For(string organisationKind) => organisationKind == OrganisationKinds.Agency
        ? [PlatformRoles.SecretariatAdmin, PlatformRoles.Facilitator, PlatformRoles.AgencyContributor, PlatformRoles.Observer]
        : [PlatformRoles.PartnerContributor, PlatformRoles.Observer];

    public static bool Allows(string organisationKind, string role) => For(organisationKind).Contains(role);

    /// <summary>Null when allowed, otherwise the reason in the reader's language.</summary>
    public static string? Refusal(OrganisationInfo organisation, string role) => Allows(organisation.Kind, role)
        ? null
        : Messages.Text("role_refused", role, organisation.Name, organisation.Kind, string.Join(", ", For(organisation.Kind)));
}
