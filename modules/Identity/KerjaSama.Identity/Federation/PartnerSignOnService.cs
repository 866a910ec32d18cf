using System.Text.RegularExpressions;
using KerjaSama.Identity.Contracts;
using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Server;
using KerjaSama.Identity.Users;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KerjaSama.Identity.Federation;

/// <summary>Registrations of partner providers: validation, storage (secret protected), audit and an immediate catalog reload.</summary>
internal sealed partial class PartnerSignOnService(IdentityDb db, FederationCatalog catalog, SessionGuard sessions, IOrganisationDirectory organisations, AuditLog audit,
    TimeProvider clock, IHostEnvironment environment, IOptions<IdentitySettings> settings) : IPartnerSignOn
{
    private static readonly string[] DefaultScopes = ["profile", "email"];

    public async Task<IReadOnlyList<PartnerSignOnInfo>> ListAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        var query = db.IdentityProviders.AsNoTracking().Include(p => p.Domains).AsQueryable();
        if (organisationId is { } id)
            query = query.Where(p => p.OrganisationId == id);
        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.OrderBy(p => p.OrganisationName).ThenBy(p => p.DisplayName).Select(ToInfo)];
    }

    public async Task<PartnerSignOnInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.IdentityProviders.AsNoTracking().Include(p => p.Domains).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    public async Task<PartnerSignOnOutcome> SaveAsync(Guid? id, PartnerSignOnRequest request, PartnerSignOnActor actor, CancellationToken cancellationToken)
    {
        PartnerIdentityProvider? row = null;
        if (id is { } existing)
        {
            row = await db.IdentityProviders.Include(p => p.Domains).FirstOrDefaultAsync(p => p.Id == existing, cancellationToken);
            if (row is null)
                return new(null, null, NotFound: true);
        }

        var self = id ?? Guid.Empty;
        var errors = new Dictionary<string, string[]>();
        var organisation = request.OrganisationId is { } orgId ? await organisations.FindAsync(orgId, cancellationToken) : null;
        if (organisation is null)
            errors["organisationId"] = ["Organisasi tidak dikenal di Registry / unknown organisation."];
        else if (!organisation.IsPartner || !organisation.Active)
            errors["organisationId"] = ["Hanya pemerintah daerah mitra atau pihak ketiga yang aktif / only an active partner government or third party."];

        var displayName = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 100)
            errors["displayName"] = ["Nama penyedia wajib diisi, paling panjang 100 karakter / a provider name of at most 100 characters is required."];

        var issuer = ValidateIssuer(request.Issuer, errors);
        var issuerText = issuer?.AbsoluteUri;
        if (issuer is not null && await db.IdentityProviders.AnyAsync(p => p.Issuer == issuerText && p.Id != self, cancellationToken))
            errors["issuer"] = ["Penerbit ini sudah terdaftar / this issuer is already registered."];

        var clientId = request.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 200)
            errors["clientId"] = ["Client id wajib diisi / the client id is required."];
        if (request.ClientSecret is { Length: > 500 })
            errors["clientSecret"] = ["Paling panjang 500 karakter / at most 500 characters."];

        var scopes = (request.Scopes is { Count: > 0 } s ? s : DefaultScopes).Select(x => x.Trim()).Where(x => x.Length > 0 && x != "openid").Distinct().ToList();
        if (scopes.Any(x => !ScopePattern().IsMatch(x)))
            errors["scopes"] = ["Scope tidak sah / invalid scope."];

        var nameClaim = string.IsNullOrWhiteSpace(request.NameClaim) ? "name" : request.NameClaim.Trim();
        var emailClaim = string.IsNullOrWhiteSpace(request.EmailClaim) ? "email" : request.EmailClaim.Trim();
        if (!ClaimPattern().IsMatch(nameClaim))
            errors["nameClaim"] = ["Nama klaim tidak sah / invalid claim name."];
        if (!ClaimPattern().IsMatch(emailClaim))
            errors["emailClaim"] = ["Nama klaim tidak sah / invalid claim name."];

        var domains = (request.Domains ?? []).Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();
        if (domains.Count == 0)
            errors["domains"] = ["Minimal satu domain email / at least one email domain."];
        else if (domains.FirstOrDefault(d => !DomainPattern().IsMatch(d)) is { } bad)
            errors["domains"] = [$"Domain tidak sah / not a domain name: {bad}"];
        else if (await db.ProviderDomains.AsNoTracking().Where(d => domains.Contains(d.Domain) && d.ProviderId != self)
                     .Select(d => d.Domain).FirstOrDefaultAsync(cancellationToken) is { } claimed)
            errors["domains"] = [$"Domain sudah dipakai penyedia lain / already served by another provider: {claimed}"];

        if (errors.Count > 0)
            return new(null, errors);

        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = new PartnerIdentityProvider
            {
                Id = Guid.CreateVersion7(), OrganisationName = "", DisplayName = "", Issuer = "", ClientId = "", Scopes = "", NameClaim = "",
                EmailClaim = "", CreatedAt = now,
            };
            db.IdentityProviders.Add(row);
        }

        row.OrganisationId = organisation!.Id;
        row.OrganisationName = organisation.Name;
        row.DisplayName = displayName!;
        row.Issuer = issuer!.AbsoluteUri;
        row.ClientId = clientId!;
        if (!string.IsNullOrEmpty(request.ClientSecret))
            row.ProtectedClientSecret = catalog.Protect(request.ClientSecret);
        row.Scopes = string.Join(' ', scopes);
        row.NameClaim = nameClaim;
        row.EmailClaim = emailClaim;
        row.RequireApproval = request.RequireApproval ?? true;
        var disabling = request.Disabled == true && !row.Disabled;
        if (request.Disabled is { } disabled)
            row.Disabled = disabled;
        row.UpdatedAt = now;
        row.Version++;
        foreach (var gone in row.Domains.Where(d => !domains.Contains(d.Domain)).ToList())
            row.Domains.Remove(gone);
        foreach (var added in domains.Where(d => row.Domains.All(x => x.Domain != d)))
            row.Domains.Add(new PartnerEmailDomain { Domain = added, ProviderId = row.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations racing for one issuer or domain: the unique indexes decide.
            return new(null, new Dictionary<string, string[]> { ["domains"] = ["Penerbit atau domain sudah dipakai / issuer or domain already in use."] });
        }

        await audit.WriteAsync(AuditKinds.ProviderChanged, null, row.Issuer, actor.IpAddress,
            $"{(id is null ? "created" : "updated")} {row.Id} for {row.OrganisationId}: {string.Join(' ', domains)}{(row.Disabled ? " (disabled)" : "")}",
            actor.UserId, cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        if (disabling)
            await EndSessionsOfAsync(row, cancellationToken);
        return new(ToInfo(row), null);
    }

    public async Task<bool> DeleteAsync(Guid id, PartnerSignOnActor actor, CancellationToken cancellationToken)
    {
        var row = await db.IdentityProviders.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null)
            return false;
        db.IdentityProviders.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditKinds.ProviderChanged, null, row.Issuer, actor.IpAddress, $"deleted {row.Id} of {row.OrganisationId}", actor.UserId,
            cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        await EndSessionsOfAsync(row, cancellationToken);
        return true;
    }

    // The users who came through this registration (or through an earlier one of the same issuer) lose their open sessions.
    private async Task EndSessionsOfAsync(PartnerIdentityProvider row, CancellationToken ct)
    {
        var users = await db.ExternalLogins.AsNoTracking().Where(l => l.ProviderId == row.Id || l.Issuer == row.Issuer)
            .Select(l => l.UserId).Distinct().ToListAsync(ct);
        await sessions.EndSessionsAsync(users, revokeTokens: true, ct);
    }

    private Uri? ValidateIssuer(string? value, Dictionary<string, string[]> errors)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var issuer) || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment)
            || !string.IsNullOrEmpty(issuer.UserInfo) || value!.Length > 500)
        {
            errors["issuer"] = ["Penerbit harus URL absolut tanpa query / the issuer must be an absolute URL without a query."];
            return null;
        }

        var loopbackHttp = issuer.Scheme == Uri.UriSchemeHttp && issuer.IsLoopback && OpenIddictSetup.AllowsHttp(environment, settings.Value);
        if (issuer.Scheme != Uri.UriSchemeHttps && !loopbackHttp)
        {
            errors["issuer"] = ["Penerbit harus memakai https / the issuer must use https."];
            return null;
        }

        return issuer;
    }

    private static PartnerSignOnInfo ToInfo(PartnerIdentityProvider p) =>
        new(p.Id, p.OrganisationId, p.OrganisationName, p.DisplayName, p.Issuer, p.ClientId, p.ProtectedClientSecret is not null,
            p.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), p.NameClaim, p.EmailClaim, [.. p.Domains.Select(d => d.Domain).Order()],
            p.RequireApproval, p.UpdatedAt, p.Disabled);

    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]{1,100}$")]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_:./\-]{1,100}$")]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();
}
