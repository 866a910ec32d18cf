using System.Net;
using System.Text;
using KerjaSama.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Identity.Features.Account;

/// <summary>The invitation link: choose a password once; the invited memberships become active.</summary>
internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder account)
    {
        account.MapGet("/invitation", Show);
        account.MapPost("/invitation", Accept);
    }

    private static async Task<IResult> Show([FromQuery(Name = "token")] string? token, Invitations invitations, IAntiforgery antiforgery, HttpContext context,
        CancellationToken ct) =>
        await invitations.FindAsync(token, ct) is { } user
            ? Form(context, antiforgery, token!, user.UserName, null, StatusCodes.Status200OK)
            : Invalid(context);

    private static async Task<IResult> Accept([FromForm] InvitationForm form, Invitations invitations, IAntiforgery antiforgery, HttpContext context,
        CancellationToken ct)
    {
        var user = await invitations.FindAsync(form.Token, ct);
        if (user is null)
            return Invalid(context);
        if (form.Password != form.Confirm)
            return Form(context, antiforgery, form.Token!, user.UserName, ["Kedua kata sandi tidak sama / the passwords differ."], StatusCodes.Status400BadRequest);
        var (accepted, errors) = await invitations.AcceptAsync(form.Token, form.Password, context.Connection.RemoteIpAddress?.ToString(), ct);
        if (accepted is null)
            return Form(context, antiforgery, form.Token!, user.UserName, errors, StatusCodes.Status400BadRequest);
        return Results.LocalRedirect("/account/login?email=" + Uri.EscapeDataString(accepted.UserName));
    }

    private static IResult Invalid(HttpContext context) =>
        Pages.Message(context, StatusCodes.Status400BadRequest, "Undangan tidak berlaku", "Invitation not valid",
            "Tautan undangan ini tidak berlaku, sudah dipakai, atau kedaluwarsa. Minta undangan baru kepada sekretariat.",
            "This invitation link is not valid, was already used or has expired. Ask the secretariat for a new one.");

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string token, string userName, IReadOnlyList<string>? errors, int status)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Undangan / Invitation · KerjaSama</title>
            <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
            label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1.5rem;padding:.6rem 1.2rem}.error{color:#a00}small{color:#555}</style></head><body>
            <h1>Pilih kata sandi <small>/ Choose a password</small></h1>
            """);
        html.Append("<p>").Append(E(userName)).Append("</p>");
        foreach (var error in errors ?? [])
            html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        html.Append("<form method=\"post\" action=\"/account/invitation\">");
        html.Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"Token\" value=\"").Append(E(token)).Append("\">");
        html.Append("<label>Kata sandi <small>(password, minimal 12 karakter / at least 12 characters)</small><input name=\"Password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\"></label>");
        html.Append("<label>Ulangi <small>(repeat)</small><input name=\"Confirm\" type=\"password\" autocomplete=\"new-password\" required></label>");
        html.Append("<button type=\"submit\">Simpan / Save</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }
}

internal sealed class InvitationForm
{
    public string? Token { get; set; }

    public string? Password { get; set; }

    public string? Confirm { get; set; }
}
