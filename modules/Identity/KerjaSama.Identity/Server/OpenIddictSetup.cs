using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Core;
using OpenIddict.Server;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Server;

/// <summary>The OpenIddict server, its EF Core stores and the local validation of its tokens: one fluent chain.</summary>
internal static class OpenIddictSetup
{
    public const string ApiScope = "api";

    public static void AddIdentityServer(this WebApplicationBuilder builder, IdentitySettings settings)
    {
        var keys = KeysDirectory(builder, settings);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("kerjasama")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keys, "data-protection")));
        // Encrypts the key ring at rest (docs/security.md); every host needs this certificate to read the ring.
        if (!string.IsNullOrWhiteSpace(settings.KeyRingCertificatePath))
            protection.ProtectKeysWithCertificate(KeyStore.LoadConfigured(settings.KeyRingCertificatePath, settings.KeyRingCertificatePassword));

        var allowHttp = AllowsHttp(builder.Environment, settings);
        var signing = KeyStore.Load(settings.SigningCertificatePath, settings.SigningCertificatePassword, keys, "signing");
        var encryption = KeyStore.Load(settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword, keys, "encryption");
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetUserInfoEndpointUris("connect/userinfo");
                if (settings.Issuer is not null)
                    o.SetIssuer(settings.Issuer);
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // S256 only: a "plain" challenge is the verifier itself and protects nothing once it leaks.
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, Scopes.Roles, ApiScope);
                o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(settings.AuthorizationCodeMinutes))
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.AccessTokenMinutes))
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(settings.AccessTokenMinutes))
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(settings.SessionHours));
                // Rolling refresh tokens (the default) with no grace period: a used refresh token is dead at once,
                // and presenting it again revokes the whole chain.
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                o.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);

                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (allowHttp)
                    aspNet.DisableTransportSecurityRequirement();
            })
            // The host is also a client: of the partner organisations' own providers (federation). Their registrations come
            // from the database through Federation.FederationClientRegistrations, rebuilt whenever the catalog changes.
            .AddClient(o =>
            {
                o.AllowAuthorizationCodeFlow();
                // The state tokens of this client are protected with the same keys as the server's tokens (shared by all hosts).
                o.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
                // Needed for the code flow even while no provider is registered; each provider adds its own callback path.
                o.SetRedirectionEndpointUris("account/external/callback");
                var client = o.UseAspNetCore().EnableRedirectionEndpointPassthrough();
                if (allowHttp)
                {
                    client.DisableTransportSecurityRequirement();
                    // The correlation cookie is Secure + SameSite=None by default, which plain HTTP on loopback never sends back.
                    builder.Services.Configure<OpenIddictClientAspNetCoreOptions>(a =>
                    {
                        a.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        a.CookieBuilder.SameSite = SameSiteMode.Lax;
                    });
                }

                o.UseSystemNetHttp().SetProductInformation(typeof(OpenIddictSetup).Assembly);
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Revoked tokens and authorizations stop working at once, not when the token expires.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
                o.UseAspNetCore().Configure(a =>
                {
                    // The hub's access_token query parameter is moved into the header by the host, only on /hubs/*.
                    a.DisableAccessTokenExtractionFromQueryString = true;
                    a.DisableAccessTokenExtractionFromBodyForm = true;
                });
            });
        // Token lifetimes are measured on the sign-in clock (see IdentityClock).
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(IdentityClock.Key));
        builder.Services.AddOptions<OpenIddictCoreOptions>()
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(IdentityClock.Key));
        builder.Services.AddOptions<OpenIddictValidationOptions>()
            .Configure<IServiceProvider>((o, sp) => o.TimeProvider = sp.GetRequiredKeyedService<TimeProvider>(IdentityClock.Key));
    }

    /// <summary>True when plain HTTP is accepted by the identity endpoints (loopback only, Development/Testing only).</summary>
    public static bool AllowsHttp(IHostEnvironment environment, IdentitySettings settings) =>
        settings.AllowHttpOnLoopback && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    private static string KeysDirectory(WebApplicationBuilder builder, IdentitySettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.KeysDirectory))
            return Path.GetFullPath(settings.KeysDirectory, builder.Environment.ContentRootPath);
        var data = builder.Configuration.GetValue<string>($"{PlatformOptions.Section}:{nameof(PlatformOptions.DataDirectory)}") ?? "App_Data";
        return Path.Combine(Path.GetFullPath(data, builder.Environment.ContentRootPath), "keys");
    }
}
