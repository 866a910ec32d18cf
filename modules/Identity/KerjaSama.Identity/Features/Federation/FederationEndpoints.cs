using KerjaSama.Identity.Contracts;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Identity.Features.Federation;

/// <summary>The secretariat's API for partner organisations' own OpenID Connect providers. The client secret is write-only.</summary>
internal static class FederationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/federation").RequireAuthorization(Policies.Secretariat).WithTags("Identity: federation");
        group.MapGet("", List).WithName("ListIdentityProviders");
        group.MapGet("/{id:guid}", Get).WithName("GetIdentityProvider");
        group.MapPost("", Create).WithName("CreateIdentityProvider");
        group.MapPut("/{id:guid}", Update).WithName("UpdateIdentityProvider");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteIdentityProvider");
    }

    private static async Task<Ok<IReadOnlyList<PartnerSignOnInfo>>> List(IPartnerSignOn signOn, Guid? organisationId, CancellationToken ct) =>
        TypedResults.Ok(await signOn.ListAsync(organisationId, ct));

    private static async Task<Results<Ok<PartnerSignOnInfo>, ProblemHttpResult>> Get(Guid id, IPartnerSignOn signOn, CancellationToken ct) =>
        await signOn.FindAsync(id, ct) is { } info ? TypedResults.Ok(info) : NotFound(id);

    private static async Task<Results<Created<PartnerSignOnInfo>, ValidationProblem>> Create(PartnerSignOnRequest request, IPartnerSignOn signOn,
        HttpContext context, CancellationToken ct)
    {
        var outcome = await signOn.SaveAsync(null, request, Actor(context), ct);
        return outcome.Registration is { } saved
            ? TypedResults.Created($"/api/identity/federation/{saved.Id}", saved)
            : Problems.Validation(outcome.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<PartnerSignOnInfo>, ValidationProblem, ProblemHttpResult>> Update(Guid id, PartnerSignOnRequest request,
        IPartnerSignOn signOn, HttpContext context, CancellationToken ct)
    {
        var outcome = await signOn.SaveAsync(id, request, Actor(context), ct);
        if (outcome.NotFound)
            return NotFound(id);
        return outcome.Registration is { } saved ? TypedResults.Ok(saved) : Problems.Validation(outcome.Errors!.ToDictionary());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, IPartnerSignOn signOn, HttpContext context, CancellationToken ct) =>
        await signOn.DeleteAsync(id, Actor(context), ct) ? TypedResults.NoContent() : NotFound(id);

    private static PartnerSignOnActor Actor(HttpContext context) =>
        new(Caller.From(context.User)!.UserId, context.Connection.RemoteIpAddress?.ToString());

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("identity_provider_not_found", $"No identity provider has the id {id}.");
}
