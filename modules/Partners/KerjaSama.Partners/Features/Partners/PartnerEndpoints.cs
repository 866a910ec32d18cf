using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Offers;
using KerjaSama.Partners.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Partners.Features.Partners;

internal static class PartnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // A partner's profile sits at /api/partners/{id}; /api/partners/partners/... answers 308 for one release (issue 21).
        api.MapMovedPrefix("/partners");
        var group = api.MapGroup("").WithTags("Partners").RequireAuthorization(Policies.Member);
        group.MapGet("/{organisationId:guid}", Get).WithName("GetPartner");
        group.MapGet("/{organisationId:guid}/history", History).WithName("GetPartnerHistory");
        group.MapPut("/{organisationId:guid}", Update).WithName("UpdatePartner").RequireAuthorization(Policies.Secretariat);
    }

    private static async Task<IResult> Get(Guid organisationId, PartnerProfileCommands profiles, HttpContext context, CancellationToken ct)
    {
        // The secretariat sees every partner; any other organisation only its own profile.
        if (!Access.SeesProfile(Caller.From(context.User)!, organisationId))
            return Problems.Forbidden("partner_not_shared", "Only the secretariat and the partner itself read a partner's profile.");
        return (await profiles.GetAsync(organisationId, ct)).ToResult(TypedResults.Ok);
    }

    private static async Task<IResult> Update(Guid organisationId, UpdatePartnerRequest request, PartnerProfileCommands profiles,
        CancellationToken ct) =>
        (await profiles.SaveAsync(organisationId, request, ct)).ToResult(TypedResults.Ok);

    // Offers addressed to the partner and agreements it is a party of, newest first; a partner reads only its own.
    private static async Task<IResult> History(Guid organisationId, OfferCommands offers, AgreementCommands agreements, HttpContext context,
        CancellationToken ct)
    {
        var caller = Caller.From(context.User)!;
        if (!Access.SeesProfile(caller, organisationId))
            return Problems.Forbidden("partner_not_shared", "Only the secretariat and the partner itself read a partner's history.");
        return TypedResults.Ok(new
        {
            offers = await offers.ListAsync(caller, organisationId, ct),
            agreements = await agreements.ListAsync(caller, null, organisationId, ct),
        });
    }
}
