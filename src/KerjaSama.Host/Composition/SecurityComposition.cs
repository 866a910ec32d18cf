using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Authentication;

namespace KerjaSama.Host.Composition;

internal static class SecurityComposition
{
    /// <summary>One authorization model: policies on claims of <see cref="PlatformClaims"/>, deny by default where applied.</summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        var authentication = builder.Services.AddAuthentication(DevelopmentTokenHandler.SchemeName);
        if (builder.Configuration.GetValue("KerjaSama:Identity:DevelopmentTokens", false))
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentTokenHandler>(DevelopmentTokenHandler.SchemeName, null);
        else
            authentication.AddScheme<AuthenticationSchemeOptions, NoSignInHandler>(DevelopmentTokenHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User) is not null))
            .AddPolicy(Policies.Secretariat, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Role, PlatformRoles.SecretariatAdmin))
            .AddPolicy(Policies.Facilitator, p => p.RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.Role, PlatformRoles.SecretariatAdmin, PlatformRoles.Facilitator));
        return builder;
    }
}

/// <summary>Until the identity server lands nobody can sign in outside development; protected calls answer 401.</summary>
internal sealed class NoSignInHandler(
    Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
