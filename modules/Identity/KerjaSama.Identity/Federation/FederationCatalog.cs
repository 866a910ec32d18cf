using KerjaSama.Identity.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Client;

namespace KerjaSama.Identity.Federation;

/// <summary>A provider registration as the running host uses it (secret in clear, in memory only).</summary>
internal sealed record FederatedProvider(Guid Id, long Version, Guid OrganisationId, string DisplayName, Uri Issuer, string ClientId,
    string? ClientSecret, IReadOnlyList<string> Scopes, string NameClaim, string EmailClaim, bool RequireApproval, IReadOnlyList<string> Domains)
{
    /// <summary>The OpenIddict registration id: a new one per version, so no cache keyed by it outlives a change.</summary>
    public string RegistrationId => $"{Id:N}.{Version}";

    /// <summary>One callback path per provider (mix-up attacks cannot swap one provider's answer for another's).</summary>
    public string CallbackPath => $"account/external/callback/{Id:N}";
}

/// <summary>
/// The provider registrations of the database, kept in memory for the OpenIddict client and the sign-in page. OpenIddict's
/// client registrations are options: after each reload this source's change token fires, the options monitor drops its
/// cached <see cref="OpenIddictClientOptions"/>, and the next request builds them again from the new list (no restart).
/// </summary>
internal sealed class FederationCatalog(IDbContextFactory<IdentityDb> factory, IDataProtectionProvider protection)
    : IOptionsChangeTokenSource<OpenIddictClientOptions>, IDisposable
{
    private readonly IDataProtector _secrets = protection.CreateProtector(SecretPurpose);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private CancellationTokenSource _changed = new();
    private volatile IReadOnlyList<FederatedProvider> _providers = [];

    public const string SecretPurpose = "KerjaSama.Identity.Federation.ClientSecret";

    public IReadOnlyList<FederatedProvider> Providers => _providers;

    /// <summary>What the database holds: ids and versions; a different value means the catalog is stale.</summary>
    public string Fingerprint { get; private set; } = "";

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public FederatedProvider? Find(Guid id) => _providers.FirstOrDefault(p => p.Id == id);

    /// <summary>The providers that serve the domain of that email address (at most one: a domain is claimed once).</summary>
    public FederatedProvider? ForEmail(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0 || at == email!.Length - 1)
            return null;
        var domain = email[(at + 1)..].Trim().ToLowerInvariant();
        return _providers.FirstOrDefault(p => p.Domains.Contains(domain));
    }

    public static async Task<string> ReadFingerprintAsync(IdentityDb db, CancellationToken ct)
    {
        var rows = await db.IdentityProviders.AsNoTracking().Select(p => new { p.Id, p.Version }).ToListAsync(ct);
        return string.Join(',', rows.OrderBy(r => r.Id).Select(r => $"{r.Id:N}.{r.Version}"));
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var rows = await db.IdentityProviders.AsNoTracking().Include(p => p.Domains).ToListAsync(ct);
            _providers = [.. rows.Where(p => !p.Disabled).OrderBy(p => p.DisplayName).Select(p => new FederatedProvider(p.Id, p.Version, p.OrganisationId, p.DisplayName,
                new Uri(p.Issuer, UriKind.Absolute), p.ClientId, p.ProtectedClientSecret is null ? null : _secrets.Unprotect(p.ProtectedClientSecret),
                p.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), p.NameClaim, p.EmailClaim, p.RequireApproval,
                [.. p.Domains.Select(d => d.Domain).Order()]))];
            Fingerprint = string.Join(',', rows.OrderBy(r => r.Id).Select(r => $"{r.Id:N}.{r.Version}"));
            // The list is in place before the token fires: the options rebuilt on the next request see it.
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            await previous.CancelAsync();
        }
        finally
        {
            _reload.Release();
        }
    }

    public string Protect(string secret) => _secrets.Protect(secret);

    public void Dispose()
    {
        _reload.Dispose();
        _changed.Dispose();
    }
}
