using KerjaSama.Identity.Contracts;
using KerjaSama.Identity.Features.Account;
using KerjaSama.Identity.Features.Administration;
using KerjaSama.Identity.Features.Connect;
using KerjaSama.Identity.Features.Federation;
using KerjaSama.Identity.Federation;
using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Seeding;
using KerjaSama.Identity.Server;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity;
using KerjaSama.Modularity.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Client;

namespace KerjaSama.Identity;

/// <summary>
/// Identity and SSO: local users, their memberships in Registry organisations with a role, the OpenIddict server
/// (authorization code + PKCE, refresh, client credentials, end session, introspection, revocation) and the cookie
/// sign-in of the browser. Every principal it issues carries the PlatformClaims.
/// </summary>
public sealed class IdentityModule : IModule
{
    /// <summary>The browser's sign-in cookie scheme.</summary>
    public const string CookieScheme = "kerjasama.cookie";

    public string Name => IdentityDb.SchemaName;

    public IEnumerable<NavItem> Navigation => [new("/identity/users", "Pengguna", "Users", 90)];

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentitySettings>().BindConfiguration(IdentitySettings.Section)
            .Validate(s => s.AccessTokenMinutes > 0 && s.AuthorizationCodeMinutes > 0 && s.SessionHours > 0 && s.LockoutThreshold > 0
                    && s.LockoutMinutes > 0 && s.LockoutMaxMinutes >= s.LockoutMinutes && s.LockoutResetHours > 0,
                "KerjaSama:Identity lifetimes, the lockout threshold and the lockout durations must be positive (LockoutMaxMinutes >= LockoutMinutes).")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new();

        builder.AddModuleDbContext<IdentityDb, SqliteIdentityDb, PostgreSqlIdentityDb, SqlServerIdentityDb>(IdentityDb.SchemaName);
        builder.Services.TryAddKeyedSingleton<TimeProvider>(IdentityClock.Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(IdentityClock.Key));
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<PrincipalFactory>();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddSingleton<KerjaSama.Modularity.Security.IMemberDirectory, MemberDirectory>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddSingleton<KerjaSama.Identity.Contracts.IUserLanguages, UserLanguages>();
        builder.Services.AddScoped<SessionGuard>();
        builder.Services.AddSingleton<IdentitySeeder>();

        builder.Services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "kerjasama.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(settings.SessionHours);
            o.SlidingExpiration = false;
            o.Events = new CookieAuthenticationEvents
            {
                // APIs and hubs answer 401/403 (problem details by the host), never a redirect to the form.
                OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden),
                OnValidatePrincipal = CookieRevalidation.ValidateAsync,
            };
        });
        builder.AddIdentityServer(settings);
        builder.Services.AddHostedService<TokenPruning>();

        builder.Services.AddSingleton<FederationCatalog>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictClientOptions>>(sp => sp.GetRequiredService<FederationCatalog>());
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictClientOptions>, FederationClientRegistrations>();
        builder.Services.AddScoped<IPartnerSignOn, PartnerSignOnService>();
        builder.Services.AddScoped<ExternalSignIn>();
        builder.Services.AddHostedService<FederationRefresh>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        AdministrationEndpoints.Map(api);
        LanguageEndpoints.Map(api);
        FederationEndpoints.Map(api);
    }

    /// <summary>Maps the sign-in form (<c>/account/*</c>) and the OpenID Connect endpoints (<c>/connect/*</c>) at the root.</summary>
    public static void MapProtocolEndpoints(IEndpointRouteBuilder app)
    {
        AccountEndpoints.Map(app);
        ConnectEndpoints.Map(app);
    }

    public async Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IdentitySeeder>().SeedAsync(cancellationToken);
        await services.GetRequiredService<FederationCatalog>().ReloadAsync(cancellationToken);
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A signed-in user without the role gets 403 on pages too (there is no access-denied page to send them to).
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
            || context.Request.Path.StartsWithSegments("/openapi") || status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
