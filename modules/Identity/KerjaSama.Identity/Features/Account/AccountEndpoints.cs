using System.Security.Claims;
using KerjaSama.Identity.Federation;
using KerjaSama.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Identity.Features.Account;

/// <summary>Cookie sign-in for the browser; the authorization endpoint sends unauthenticated users here.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Signing in, invitations and external sign-in are reached before there is a member to authorise.
        var group = app.MapGroup("/account").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/login", Show);
        group.MapPost("/login", SignIn);
        group.MapPost("/logout", SignOut);
        ExternalEndpoints.Map(group);
        InvitationEndpoints.Map(group);
    }

    // A first step without JavaScript: the email typed here (GET ?email=) decides whether a partner provider is offered.
    private static IResult Show(HttpContext context, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl,
        [FromQuery(Name = "email")] string? email) =>
        Page(context, antiforgery, ReturnUrls.Local(returnUrl), email is { Length: <= 256 } ? email.Trim() : null, null, StatusCodes.Status200OK);

    // Form binding makes the antiforgery middleware validate the token: a cross-site post gets 400.
    private static async Task<IResult> SignIn([FromForm] LoginForm form, HttpContext context, IAntiforgery antiforgery,
        UserAccounts accounts, PrincipalFactory principals, AuditLog audit, CancellationToken ct)
    {
        var returnUrl = ReturnUrls.Local(form.ReturnUrl);
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var (result, user) = await accounts.CheckPasswordAsync(form.UserName ?? "", form.Password ?? "", ip, ct);
        if (result == PasswordCheck.LockedOut)
        {
            return Page(context, antiforgery, returnUrl, form.UserName,
                "Masuk ke akun ini dari alamat Anda dikunci sementara karena terlalu banyak percobaan / signing in to this account from your address is locked for a while after too many attempts.", StatusCodes.Status400BadRequest);
        }

        if (user is null)
            return Page(context, antiforgery, returnUrl, form.UserName, "Nama pengguna atau kata sandi salah / wrong user name or password.", StatusCodes.Status400BadRequest);

        Guid? organisation = Guid.TryParse(form.Organisation, out var id) ? id : null;
        var principal = await principals.CreateAsync(user, organisation, IdentityModule.CookieScheme, null, ct);
        if (principal is null)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, user.UserName, ip, "no active membership", cancellationToken: ct);
            return Page(context, antiforgery, returnUrl, form.UserName,
                "Akun ini belum aktif di organisasi mana pun / this account has no active membership.", StatusCodes.Status400BadRequest);
        }

        await context.SignInAsync(IdentityModule.CookieScheme, principal);
        UserLanguageCookie.ApplyStored(context, user.Language);
        await audit.WriteAsync(AuditKinds.SignIn, user.Id, user.UserName, ip,
            $"cookie; organisation {principal.FindFirstValue(Modularity.Security.PlatformClaims.OrganisationId)}", cancellationToken: ct);
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOut([FromForm] SignOutForm form, HttpContext context, AuditLog audit, CancellationToken ct)
    {
        if (Guid.TryParse(context.User.FindFirstValue(Modularity.Security.PlatformClaims.Subject), out var userId))
            await audit.WriteAsync(AuditKinds.SignOut, userId, null, context.Connection.RemoteIpAddress?.ToString(), "cookie", cancellationToken: ct);
        await context.SignOutAsync(IdentityModule.CookieScheme);
        return Results.LocalRedirect(ReturnUrls.Local(form.ReturnUrl));
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? userName, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        var provider = context.RequestServices.GetRequiredService<FederationCatalog>().ForEmail(userName);
        return Results.Content(LoginPage.Render(tokens.FormFieldName, tokens.RequestToken!, returnUrl, userName, error, provider),
            "text/html; charset=utf-8", statusCode: status);
    }
}
