using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace KerjaSama.Host.Composition;

/// <summary>
/// <c>POST /culture</c> (form fields <c>c</c> = <c>id</c>/<c>en</c> and <c>return</c>, with the antiforgery token): sets the
/// language cookie and, when signed in, the user's stored language (e-mails and exports follow it, issue 20), then
/// goes back to <c>return</c>. Everything is checked before anything is written: a missing or bad token, a language
/// other than id/en and a return address that is not a path of this site are refused with a problem, and neither the
/// cookie nor the stored language changes.
/// </summary>
internal static class LanguageSwitchEndpoint
{
    public static async Task<IResult> SetCultureAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            return Problems.Validation("__RequestVerificationToken", Msg.Of("antiforgery_invalid"), "antiforgery_invalid");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var culture = form["c"].ToString();
        var target = form["return"].ToString();
        var v = new Validator()
            .Check(Loc.SupportedCultures.Contains(culture), "c", Msg.Of("language_one_of"))
            // Only a path of this site: an open redirect would let a crafted form bounce users anywhere.
            .Check(target.Length == 0 || IsLocal(target), "return", Msg.Of("return_url_local"));
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());

        if (KerjaSama.Modularity.Security.Caller.From(context.User) is { } caller
            && context.RequestServices.GetService<KerjaSama.Identity.Contracts.IUserLanguages>() is { } languages)
            await languages.SetAsync(caller.UserId, culture, context.RequestAborted);
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(target.Length == 0 ? "/" : target);
    }

    private static bool IsLocal(string url) =>
        url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\') && !url.Any(char.IsControl);
}
