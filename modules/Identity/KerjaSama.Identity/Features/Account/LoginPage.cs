using System.Net;
using System.Text;
using KerjaSama.Identity.Federation;

namespace KerjaSama.Identity.Features.Account;

/// <summary>The sign-in page: plain HTML, one form, bilingual, so that scripts and tests can post it too.</summary>
internal static class LoginPage
{
    public static string Render(string antiforgeryField, string antiforgeryToken, string returnUrl, string? userName, string? error,
        FederatedProvider? provider)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Masuk / Sign in · KerjaSama</title>
            <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
            label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1.5rem;padding:.6rem 1.2rem}.error{color:#a00}small{color:#555}</style></head><body>
            <h1>Masuk <small>/ Sign in</small></h1>
            """);
        if (error is not null)
            html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        // Step one, plain HTML: the email decides whether the organisation's own provider is offered.
        html.Append("<form method=\"get\" action=\"/account/login\" class=\"email-step\">");
        html.Append("<input type=\"hidden\" name=\"ReturnUrl\" value=\"").Append(E(returnUrl)).Append("\">");
        html.Append("<label>Email <small>(organisasi mitra dengan SSO sendiri / partner organisations with their own sign-on)</small>")
            .Append("<input name=\"email\" type=\"email\" autocomplete=\"username\" value=\"").Append(E(userName)).Append("\"></label>");
        html.Append("<button type=\"submit\">Lanjut / Continue</button></form>");
        if (provider is not null)
        {
            html.Append("<form method=\"post\" action=\"/account/external/").Append(provider.Id.ToString("N")).Append("\" class=\"provider\">");
            html.Append("<input type=\"hidden\" name=\"").Append(E(antiforgeryField)).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">");
            html.Append("<input type=\"hidden\" name=\"ReturnUrl\" value=\"").Append(E(returnUrl)).Append("\">");
            html.Append("<input type=\"hidden\" name=\"LoginHint\" value=\"").Append(E(userName)).Append("\">");
            html.Append("<button type=\"submit\">Masuk dengan ").Append(E(provider.DisplayName)).Append(" <small>/ Sign in with ")
                .Append(E(provider.DisplayName)).Append("</small></button></form>");
            html.Append("<p><small>atau dengan kata sandi / or with a password:</small></p>");
        }
        else if (!string.IsNullOrEmpty(userName) && userName.Contains('@', StringComparison.Ordinal))
        {
            html.Append("<p class=\"note\"><small>Tidak ada SSO organisasi untuk alamat ini; masuk dengan kata sandi. / ")
                .Append("No organisation sign-on for this address; sign in with a password.</small></p>");
        }

        html.Append("<form method=\"post\" action=\"/account/login\">");
        html.Append("<input type=\"hidden\" name=\"").Append(E(antiforgeryField)).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"ReturnUrl\" value=\"").Append(E(returnUrl)).Append("\">");
        html.Append("<label>Email / nama pengguna <small>(user name)</small><input name=\"UserName\" autocomplete=\"username\" required value=\"")
            .Append(E(userName)).Append("\"></label>");
        html.Append("<label>Kata sandi <small>(password)</small><input name=\"Password\" type=\"password\" autocomplete=\"current-password\" required></label>");
        html.Append("<label>Organisasi <small>(organisation id, optional: when you belong to several)</small><input name=\"Organisation\"></label>");
        html.Append("<button type=\"submit\">Masuk / Sign in</button></form></body></html>");
        return html.ToString();
    }
}
