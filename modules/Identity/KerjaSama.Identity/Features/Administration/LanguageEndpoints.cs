using KerjaSama.Identity.Contracts;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Identity.Features.Administration;

internal sealed record LanguageRequest(string? Language);

internal sealed record LanguageDto(string Language);

/// <summary>
/// The language a user reads (issue 20): each member reads and sets their own, the secretariat sets anyone's. E-mails
/// to the user and the user's exports follow it.
/// </summary>
internal static class LanguageEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization(Policies.Member).WithTags("Identity");
        me.MapGet("/language", Mine).WithName("GetMyLanguage");
        me.MapPut("/language", SetMine).WithName("SetMyLanguage");
        api.MapPut("/users/{id:guid}/language", SetUsers).RequireAuthorization(Policies.Secretariat).WithTags("Identity: administration")
            .WithName("SetUserLanguage");
    }

    private static async Task<Results<Ok<LanguageDto>, ProblemHttpResult>> Mine(HttpContext context, IUserLanguages languages, CancellationToken ct) =>
        await languages.OfUserAsync(Caller.From(context.User)!.UserId, ct) is { } language
            ? TypedResults.Ok(new LanguageDto(language))
            : Problems.NotFound("user_not_found", "No such user.");

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetMine(LanguageRequest request, HttpContext context,
        IUserLanguages languages, CancellationToken ct) => SetAsync(Caller.From(context.User)!.UserId, request, languages, ct);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetUsers(Guid id, LanguageRequest request, IUserLanguages languages,
        CancellationToken ct) => SetAsync(id, request, languages, ct);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetAsync(Guid userId, LanguageRequest request,
        IUserLanguages languages, CancellationToken ct)
    {
        if (PreferredLanguage.Parse(request.Language) is not { } language)
            return Problems.Validation("language", Msg.Of("language_one_of"));
        return await languages.SetAsync(userId, language, ct) ? TypedResults.NoContent() : Problems.NotFound("user_not_found", "No such user.");
    }
}
