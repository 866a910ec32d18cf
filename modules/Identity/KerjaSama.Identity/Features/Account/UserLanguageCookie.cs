using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace KerjaSama.Identity.Features.Account;

/// <summary>
/// Signing in brings the user's stored language (issue 20) to a browser that has not chosen one: the shell's culture
/// cookie is set to it. A browser that chose with the language switch keeps its choice (the switch stores it for the user).
/// </summary>
internal static class UserLanguageCookie
{
    public static void ApplyStored(HttpContext context, string language)
    {
        if (context.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
            return;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language == "en" ? "en" : "id")),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}
