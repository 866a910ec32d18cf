using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Agreements;

namespace KerjaSama.Partners;

/// <summary>
/// Who sees what: the secretariat (administrators and facilitators) sees everything; everyone else sees the offers
/// addressed to their organisation and the agreements their organisation is a party of or responsible for.
/// </summary>
internal static class Access
{
    public static bool SeesAll(Caller caller) => caller.CanFacilitate;

    /// <summary>A partner's profile (contacts, notes) is the secretariat's relationship data: the partner itself sees its own.</summary>
    public static bool SeesProfile(Caller caller, Guid organisationId) => SeesAll(caller) || caller.OrganisationId == organisationId;

    public static IQueryable<Agreement> VisibleTo(this IQueryable<Agreement> agreements, Caller caller) =>
        SeesAll(caller)
            ? agreements
            : agreements.Where(a => a.ResponsibleAgencyId == caller.OrganisationId || a.Parties.Any(p => p.OrganisationId == caller.OrganisationId));
}
