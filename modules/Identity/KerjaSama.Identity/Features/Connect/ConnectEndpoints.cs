using System.Security.Claims;
using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Features.Connect;

/// <summary>The passthrough endpoints of the OpenIddict server: it validates the protocol, these decide who signs in.</summary>
internal static class ConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(IEndpointRouteBuilder app)
    {
        // The protocol endpoints authenticate their callers themselves (client credentials, codes, the cookie).
        var group = app.MapGroup("/connect").ExcludeFromDescription().DisableAntiforgery().AllowAnonymous();
        group.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        group.MapPost("/token", Token);
        group.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], EndSession);
        group.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfo);
    }

    private static async Task<IResult> Authorize(HttpContext context, IdentityDb db, PrincipalFactory principals, SessionGuard sessions,
        CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityModule.CookieScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            // Back here after the sign-in form; a POSTed request is replayed as a query string.
            var parameters = context.Request.HasFormContentType
                ? context.Request.Form.Where(p => p.Key != PromptValues.Login)
                : context.Request.Query.Where(p => p.Key != Parameters.Prompt);
            var redirect = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = redirect }, [IdentityModule.CookieScheme]);
        }

        var user = await FindUserAsync(db, cookie.Principal, ct);
        Guid? organisation = Guid.TryParse(cookie.Principal.FindFirstValue(PlatformClaims.OrganisationId), out var org) ? org : null;
        var principal = user is null || !await sessions.ProviderActiveAsync(cookie.Principal, ct) ? null
            : await principals.CreateAsync(user, organisation, TokenValidationParameters.DefaultAuthenticationType,
                PrincipalFactory.ReadAuthTime(cookie.Principal), ct, PrincipalFactory.ReadProvider(cookie.Principal));
        if (principal is null)
        {
            await context.SignOutAsync(IdentityModule.CookieScheme);
            return Forbid(Errors.AccessDenied, "The account or its membership is no longer active.");
        }

        principal.SetScopes(request.GetScopes());
        principal.SetDestinations(PrincipalFactory.Destinations);
        return Results.SignIn(principal, authenticationScheme: Server);
    }

    private static async Task<IResult> Token(HttpContext context, IdentityDb db, PrincipalFactory principals,
        IOpenIddictApplicationManager applications, IOrganisationDirectory organisations, IOptions<IdentitySettings> settings, SessionGuard sessions, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock,
        CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
                ?? throw new InvalidOperationException("The client was authenticated but is unknown.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, PlatformClaims.Name, PlatformClaims.Role);
            // A machine client acts for the organisation and with the role of its registration; its subject is its id.
            identity.AddClaim(new Claim(PlatformClaims.Subject, (await applications.GetIdAsync(application, ct))!));
            identity.AddClaim(new Claim(PlatformClaims.Name, await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId!));
            var properties = await applications.GetPropertiesAsync(application, ct);
            if (properties.TryGetValue(Seeding.Clients.OrganisationCodeProperty, out var code) && code.GetString() is { } orgCode
                && properties.TryGetValue(Seeding.Clients.RoleProperty, out var role) && role.GetString() is { } roleName
                && await organisations.FindByCodeAsync(orgCode, ct) is { Active: true } organisation)
            {
                identity.AddClaim(new Claim(PlatformClaims.OrganisationId, organisation.Id.ToString()));
                identity.AddClaim(new Claim(PlatformClaims.OrganisationName, organisation.Name));
                identity.AddClaim(new Claim(PlatformClaims.Role, roleName));
            }

            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            principal.SetDestinations(PrincipalFactory.Destinations);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = (await context.AuthenticateAsync(Server)).Principal!;
            var authTime = PrincipalFactory.ReadAuthTime(stored);
            if (authTime is null || clock.GetUtcNow() - authTime > TimeSpan.FromHours(settings.Value.SessionHours))
                return Forbid(Errors.InvalidGrant, "The sign-in has reached its absolute lifetime; sign in again.");

            var user = await FindUserAsync(db, stored, ct);
            Guid? organisation = Guid.TryParse(stored.FindFirstValue(PlatformClaims.OrganisationId), out var org) ? org : null;
            var principal = user is null || !await sessions.ProviderActiveAsync(stored, ct) ? null
                : await principals.CreateAsync(user, organisation, TokenValidationParameters.DefaultAuthenticationType, authTime, ct,
                    PrincipalFactory.ReadProvider(stored));
            if (principal is null)
                return Forbid(Errors.InvalidGrant, "The account, its membership or its organisation's sign-on is no longer active.");
            principal.SetScopes(stored.GetScopes());
            principal.SetResources(stored.GetResources());
            principal.SetDestinations(PrincipalFactory.Destinations);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    // RP-initiated logout. With a valid id_token_hint naming the signed-in user (OpenIddict has checked its signature and
    // client) the browser signs out at once, as OpenID Connect RP-Initiated Logout allows; otherwise it is asked first, and
    // only the confirmation form (antiforgery) signs it out.
    private static async Task<IResult> EndSession(HttpContext context, AuditLog audit, IAntiforgery antiforgery, CancellationToken ct)
    {
        var cookie = await context.AuthenticateAsync(IdentityModule.CookieScheme);
        if (cookie.Succeeded)
        {
            var subject = cookie.Principal.FindFirstValue(PlatformClaims.Subject);
            var hint = (await context.AuthenticateAsync(Server)).Principal;
            var hinted = subject is not null && hint?.GetClaim(Claims.Subject) == subject;
            var request = context.GetOpenIddictServerRequest();
            var confirmed = HttpMethods.IsPost(context.Request.Method) && (string?)request?["confirm"] == "yes";
            if (!hinted && !confirmed)
            {
                var parameters = request?.GetParameters().ToDictionary(p => p.Key, p => (string?)p.Value) ?? [];
                return EndSessionPage.Render(context, antiforgery, parameters);
            }

            if (!hinted && !await antiforgery.IsRequestValidAsync(context))
                return Results.Content("The sign-out form expired; sign out again from the page.", "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status400BadRequest);
            if (Guid.TryParse(subject, out var userId))
                await audit.WriteAsync(AuditKinds.SignOut, userId, null, context.Connection.RemoteIpAddress?.ToString(), "end session", cancellationToken: ct);
            await context.SignOutAsync(IdentityModule.CookieScheme);
        }

        // OpenIddict redirects to the client's registered post-logout URI, or answers itself when none was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }

    private static async Task<IResult> UserInfo(HttpContext context)
    {
        var principal = (await context.AuthenticateAsync(Server)).Principal;
        if (principal is null)
            return Results.Challenge(authenticationSchemes: [Server]);
        return Results.Ok(new Dictionary<string, string?>
        {
            [Claims.Subject] = principal.FindFirstValue(PlatformClaims.Subject),
            [PlatformClaims.Name] = principal.FindFirstValue(PlatformClaims.Name),
            [PlatformClaims.OrganisationId] = principal.FindFirstValue(PlatformClaims.OrganisationId),
            [PlatformClaims.OrganisationName] = principal.FindFirstValue(PlatformClaims.OrganisationName),
            [PlatformClaims.Role] = principal.FindFirstValue(PlatformClaims.Role),
        });
    }

    private static async Task<User?> FindUserAsync(IdentityDb db, ClaimsPrincipal principal, CancellationToken ct) =>
        Guid.TryParse(principal.FindFirstValue(PlatformClaims.Subject), out var id)
            ? await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == id && !u.Disabled, ct)
            : null;

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [Server]);
}
