using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KerjaSama.Host.Composition;

/// <summary>
/// A development sign-in until the OpenIddict server lands (issue 4): a bearer token <c>dev.&lt;base64url JSON of
/// a Caller&gt;</c>. Only registered when <c>KerjaSama:Identity:DevelopmentTokens</c> is true, which the test kit
/// sets; never enable it on a server anyone else can reach.
/// </summary>
// REVIEW: remove once OpenIddict issues real tokens (issue 4); tests then sign in through the real flow.
internal sealed class DevelopmentTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "development-token";
    private const string Prefix = "dev.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            token = header["Bearer ".Length..].Trim();
        else if (Request.Path.StartsWithSegments("/hubs"))
            token = Request.Query["access_token"];
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
            return Task.FromResult(AuthenticateResult.NoResult());

        try
        {
            var json = Encoding.UTF8.GetString(Base64UrlDecode(token[Prefix.Length..]));
            var caller = JsonSerializer.Deserialize<Caller>(json, JsonSerializerOptions.Web);
            if (caller is null || !PlatformRoles.All.Contains(caller.Role))
                return Task.FromResult(AuthenticateResult.Fail("Malformed development token."));
            var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.Subject, caller.UserId.ToString()),
                new Claim(PlatformClaims.Name, caller.DisplayName),
                new Claim(PlatformClaims.OrganisationId, caller.OrganisationId.ToString()),
                new Claim(PlatformClaims.OrganisationName, caller.OrganisationName),
                new Claim(PlatformClaims.Role, caller.Role),
            ], SchemeName, PlatformClaims.Name, PlatformClaims.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed development token."));
        }
    }

    public static string Issue(Caller caller) =>
        Prefix + Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(caller, JsonSerializerOptions.Web))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
