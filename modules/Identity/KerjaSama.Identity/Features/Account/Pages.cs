using System.Net;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Identity.Features.Account;

/// <summary>Plain bilingual pages of the sign-in flow that are not the form itself (pending approval, refusals).</summary>
internal static class Pages
{
    public static IResult Message(HttpContext context, int status, string titleId, string titleEn, string textId, string textEn)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        context.Response.Headers.CacheControl = "no-store";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(titleId)}} / {{E(titleEn)}} · KerjaSama</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}small{color:#555}</style></head><body>
            <h1>{{E(titleId)}} <small>/ {{E(titleEn)}}</small></h1>
            <p role="status">{{E(textId)}}</p><p lang="en"><small>{{E(textEn)}}</small></p>
            <p><a href="/account/login">Halaman masuk / Sign-in page</a> · <a href="/">Beranda / Home</a></p>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
