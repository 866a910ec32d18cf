using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Partners.Offers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Partners.Features.Offers;

internal static class OfferEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/offers").WithTags("Offers").RequireAuthorization(Policies.Member);
        group.MapGet("/", async (Guid? partner, OfferCommands offers, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await offers.ListAsync(Caller.From(http.User)!, partner, ct)));
        group.MapGet("/candidates", async (OfferCommands offers, CancellationToken ct) => TypedResults.Ok(await offers.CandidatesAsync(ct)))
            .RequireAuthorization(Policies.Secretariat);
        group.MapGet("/{id:guid}", async (Guid id, OfferCommands offers, HttpContext http, CancellationToken ct) =>
            await offers.FindAsync(Caller.From(http.User)!, id, ct) is { } offer
                ? Results.Ok(offer)
                : Problems.NotFound("offer_not_found", "No offer with this id is addressed to your organisation."));
        group.MapPost("/", async (CreateOfferRequest request, OfferCommands offers, HttpContext http, CancellationToken ct) =>
                (await offers.CreateAsync(Caller.From(http.User)!, request, ct)).ToResult(o => TypedResults.Created($"/api/partners/offers/{o.Id}", o)))
            .RequireAuthorization(Policies.Secretariat);
        group.MapPost("/{id:guid}/answer", async (Guid id, AnswerOfferRequest request, OfferCommands offers, HttpContext http, CancellationToken ct) =>
            (await offers.AnswerAsync(Caller.From(http.User)!, id, request, ct)).ToResult(TypedResults.Ok));
    }
}
