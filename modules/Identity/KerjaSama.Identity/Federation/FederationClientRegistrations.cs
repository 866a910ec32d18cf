using Microsoft.Extensions.Options;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KerjaSama.Identity.Federation;

/// <summary>Adds one OpenIddict client registration per partner provider of the catalog each time the client options are built.</summary>
internal sealed class FederationClientRegistrations(FederationCatalog catalog) : IConfigureOptions<OpenIddictClientOptions>
{
    public void Configure(OpenIddictClientOptions options)
    {
        foreach (var provider in catalog.Providers)
        {
            var registration = new OpenIddictClientRegistration
            {
                RegistrationId = provider.RegistrationId,
                ProviderDisplayName = provider.DisplayName,
                Issuer = provider.Issuer,
                ClientId = provider.ClientId,
                ClientSecret = provider.ClientSecret,
                RedirectUri = new Uri(provider.CallbackPath, UriKind.Relative),
            };
            registration.Scopes.Add(Scopes.OpenId);
            registration.Scopes.UnionWith(provider.Scopes);
            options.Registrations.Add(registration);
        }
    }
}
