using System.Text.Json;
using KerjaSama.Modularity.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Seeding;

/// <summary>The OpenIddict client registrations seeded per environment.</summary>
internal static class Clients
{
    public const string TestPublic = "kerjasama-tests";
    public const string TestConfidential = "kerjasama-tests-confidential";
    public const string TestMachine = "kerjasama-tests-machine";
    public const string TestSecret = "test-secret-for-the-testing-environment-only";
    public const string LoopbackRedirect = "http://127.0.0.1/callback";
    public const string LoopbackSignedOut = "http://127.0.0.1/signed-out";

    public const string DemoCli = "kerjasama-cli";
    public const string DemoMachine = "kerjasama-integration";
    public const string DemoMachineSecret = "demo-integration-secret-2025";

    public static IEnumerable<OpenIddictApplicationDescriptor> ForTesting() =>
    [
        CodeFlow(TestPublic, "Tests (public)", secret: null),
        CodeFlow(TestConfidential, "Tests (confidential)", TestSecret),
        Machine(TestMachine, "Tests (machine)", TestSecret, "62-setda-pemotda", PlatformRoles.Observer),
    ];

    public static IEnumerable<OpenIddictApplicationDescriptor> ForDevelopment() =>
    [
        CodeFlow(DemoCli, "KerjaSama CLI (demo)", secret: null),
        Machine(DemoMachine, "Integrasi mesin (demo)", DemoMachineSecret, "62-setda-pemotda", PlatformRoles.Observer),
    ];

    private static OpenIddictApplicationDescriptor CodeFlow(string clientId, string name, string? secret)
    {
        var d = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, DisplayName = name, ConsentType = ConsentTypes.Implicit,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            RedirectUris = { new Uri(LoopbackRedirect) },
            PostLogoutRedirectUris = { new Uri(LoopbackSignedOut) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Server.OpenIddictSetup.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (secret is not null)
        {
            d.Permissions.Add(Permissions.Endpoints.Introspection);
            d.Permissions.Add(Permissions.Endpoints.Revocation);
        }

        return d;
    }

    /// <summary>Application properties naming the Registry organisation and the role a machine client acts with.</summary>
    public const string OrganisationCodeProperty = "kerjasama_org_code";
    public const string RoleProperty = "kerjasama_role";

    private static OpenIddictApplicationDescriptor Machine(string clientId, string name, string secret, string organisationCode, string role) => new()
    {
        Properties =
        {
            [OrganisationCodeProperty] = JsonSerializer.SerializeToElement(organisationCode),
            [RoleProperty] = JsonSerializer.SerializeToElement(role),
        },
        ClientId = clientId, ClientSecret = secret, DisplayName = name, ClientType = ClientTypes.Confidential,
        Permissions =
        {
            Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + Server.OpenIddictSetup.ApiScope,
        },
    };
}
