using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Identity.Features.Connect;

/// <summary>The confirmation of an RP-initiated logout that came without a valid <c>id_token_hint</c> of the signed-in user:
/// a link from anywhere must not sign the browser out on its own.</summary>
internal static class EndSessionPage
{
    /// <summary>The OpenID Connect parameters the confirmation posts back (the end-session request as it came).</summary>
    private static readonly string[] Carried = ["id_token_hint", "post_logout_redirect_uri", "state", "client_id", "ui_locales"];

    public static IResult Render(HttpContext context, IAntiforgery antiforgery, IReadOnlyDictionary<string, string?> parameters)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Keluar / Sign out · KerjaSama</title>
            <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
            button{margin-top:1.5rem;padding:.6rem 1.2rem}small{color:#555}</style></head><body>
            <h1>Keluar dari KerjaSama? <small>/ Sign out of KerjaSama?</small></h1>
            <p>Sebuah aplikasi meminta Anda keluar. Lanjutkan hanya jika Anda yang memintanya.
            <small>/ An application asks to sign you out. Go on only if you asked for it.</small></p>
            """);
        html.Append("<form method=\"post\" action=\"/connect/endsession\">");
        html.Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">");
        foreach (var name in Carried)
        {
            if (parameters.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");
        }

        html.Append("<button type=\"submit\">Keluar / Sign out</button></form>");
        html.Append("<p><a href=\"/\">Tetap masuk / Stay signed in</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);
    }
}
