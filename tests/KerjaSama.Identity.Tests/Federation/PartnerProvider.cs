using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Tests.Federation;

/// <summary>A person known to a partner's provider, with the claims it puts into identity tokens.</summary>
public sealed record PartnerAccount(string Subject, string UserName, string Password, IReadOnlyDictionary<string, string> Claims);

/// <summary>
/// A partner organisation's own OpenID Connect provider for the tests: an independent ASP.NET Core app with an OpenIddict 7
/// server on its own loopback port, its own database, keys and sign-in cookie, and a plain sign-in form of its own.
/// </summary>
public sealed class PartnerProvider : IAsyncDisposable
{
    private const string CookieScheme = "partner.cookie";
    private readonly ConcurrentDictionary<string, PartnerAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"kerjasama-partner-idp-{Guid.NewGuid():N}.db");
    private WebApplication? _app;

    public Uri Issuer { get; private set; } = null!;

    public static async Task<PartnerProvider> StartAsync()
    {
        var provider = new PartnerProvider();
        await provider.RunAsync();
        return provider;
    }

    public void AddAccount(PartnerAccount account) => _accounts[account.UserName] = account;

    /// <summary>Registers the platform as a confidential client of this provider (code flow with PKCE).</summary>
    public async Task AddClientAsync(string clientId, string secret, Uri redirectUri)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, ClientType = ClientTypes.Confidential, RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<PartnerProviderDb>(o => o.UseSqlite($"Data Source={_databaseFile}").UseOpenIddict());
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "partner.idp";
            o.LoginPath = "/login";
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PartnerProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                // Loopback HTTP in the tests only; a real provider is reached over https.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PartnerProviderDb>().Database.EnsureCreatedAsync();

        _app.UseAuthentication();
        _app.MapGet("/login", (string? returnUrl) => Results.Content(
            $"<form method=\"post\"><input name=\"UserName\"><input name=\"Password\" type=\"password\"><input type=\"hidden\" name=\"ReturnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl)}\"></form>",
            "text/html"));
        _app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (!_accounts.TryGetValue(form["UserName"].ToString(), out var account) || account.Password != form["Password"].ToString())
                return Results.BadRequest("wrong user name or password");
            var identity = new ClaimsIdentity(CookieScheme);
            identity.AddClaim(new Claim("sub", account.Subject));
            await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
            var returnUrl = form["ReturnUrl"].ToString();
            return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
        });
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var cookie = await context.AuthenticateAsync(CookieScheme);
            var subject = cookie.Principal?.FindFirst("sub")?.Value;
            var account = _accounts.Values.FirstOrDefault(a => a.Subject == subject);
            if (!cookie.Succeeded || account is null)
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString },
                    [CookieScheme]);
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, account.Subject));
            foreach (var (type, value) in account.Claims)
                identity.AddClaim(new Claim(type, value));
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        _app.MapPost("/connect/token", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}

internal sealed class PartnerProviderDb(DbContextOptions<PartnerProviderDb> options) : DbContext(options);
