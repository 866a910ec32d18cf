using System.Security.Claims;
using KerjaSama.Identity.Persistence;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Identity.Federation;

internal enum ExternalOutcome
{
    SignedIn,
    PendingApproval,
    Suspended,
    DomainNotServed,
    EmailNotVerified,
    Refused,
}

/// <summary>
/// Turns a user authenticated by a partner's provider into a local user: matched by (issuer, subject) only, a member of the
/// registration's organisation (never of one guessed from the email domain) as partner contributor, pending approval on
/// the first sign-in unless the registration approves automatically.
/// </summary>
internal sealed class ExternalSignIn(IdentityDb db, PrincipalFactory principals, AuditLog audit, IOrganisationDirectory organisations, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock)
{
    public async Task<(ExternalOutcome Outcome, ClaimsPrincipal? Principal)> SignInAsync(FederatedProvider provider, ClaimsPrincipal external,
        string authenticationType, string? ip, CancellationToken ct)
    {
        var issuer = provider.Issuer.AbsoluteUri;
        var subject = external.FindFirst("sub")?.Value ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var email = external.FindFirst(provider.EmailClaim)?.Value?.Trim().ToLowerInvariant();
        var name = external.FindFirst(provider.NameClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(subject) || subject.Length > 200)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, null, email, ip, $"federated {issuer}: no subject", cancellationToken: ct);
            return (ExternalOutcome.Refused, null);
        }

        // An address the provider has not verified proves nothing: it neither names the user nor passes the domain check.
        if (email is not null && !IsVerified(external))
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, null, email, ip, $"federated {issuer}: email not verified (email_verified)", cancellationToken: ct);
            return (ExternalOutcome.EmailNotVerified, null);
        }

        // The registration names the domains it serves: a provider cannot speak for addresses of somebody else's domain.
        var at = email?.LastIndexOf('@') ?? -1;
        var domain = at > 0 ? email![(at + 1)..] : null;
        if (domain is null || !provider.Domains.Contains(domain))
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, null, email ?? subject, ip, $"federated {issuer}: email domain not served", cancellationToken: ct);
            return (ExternalOutcome.DomainNotServed, null);
        }

        var now = clock.GetUtcNow();
        var login = await db.ExternalLogins.FirstOrDefaultAsync(l => l.Issuer == issuer && l.Subject == subject, ct);
        User? user;
        if (login is null)
        {
            var userName = await db.Users.AnyAsync(u => u.UserName == email, ct) ? $"ext.{Guid.NewGuid():N}@{domain}" : email!;
            user = new User
            {
                Id = Guid.CreateVersion7(), UserName = userName, DisplayName = Truncate(string.IsNullOrEmpty(name) ? email! : name, 200), CreatedAt = now,
            };
            db.Users.Add(user);
            login = new ExternalLogin { Id = Guid.CreateVersion7(), Issuer = issuer, Subject = subject, UserId = user.Id, ProviderId = provider.Id, CreatedAt = now };
            db.ExternalLogins.Add(login);
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditKinds.UserCreated, user.Id, email, ip, $"federated {issuer} subject {subject}", cancellationToken: ct);
        }

        user = await db.Users.Include(u => u.Memberships).FirstAsync(u => u.Id == login.UserId, ct);
        login.LastSignInAt = now;
        // The provider's name is taken once, when the user is created; afterwards the platform's record (which the
        // secretariat may correct) wins, so a partner's provider cannot rename its users into somebody else.

        var membership = user.Memberships.FirstOrDefault(m => m.OrganisationId == provider.OrganisationId);
        if (membership is null)
        {
            var organisation = await organisations.FindAsync(provider.OrganisationId, ct);
            membership = new Membership
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, OrganisationId = provider.OrganisationId,
                OrganisationName = organisation?.Name ?? provider.DisplayName, Role = PlatformRoles.PartnerContributor,
                Status = provider.RequireApproval ? MembershipStatus.Pending : MembershipStatus.Active, CreatedAt = now,
            };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(AuditKinds.MembershipAdded, user.Id, email, ip,
                $"{membership.OrganisationId}: {membership.Role} {membership.Status} (federated {issuer})", cancellationToken: ct);
        }

        await db.SaveChangesAsync(ct);
        if (user.Disabled || membership.Status == MembershipStatus.Suspended)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, email, ip, $"federated {issuer}: suspended", cancellationToken: ct);
            return (ExternalOutcome.Suspended, null);
        }

        if (membership.Status != MembershipStatus.Active)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, email, ip, $"federated {issuer}: pending approval", cancellationToken: ct);
            return (ExternalOutcome.PendingApproval, null);
        }

        var principal = await principals.CreateAsync(user, provider.OrganisationId, authenticationType, null, ct, provider.Id);
        if (principal is null)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, email, ip, $"federated {issuer}: organisation inactive", cancellationToken: ct);
            return (ExternalOutcome.Refused, null);
        }

        await audit.WriteAsync(AuditKinds.SignIn, user.Id, email, ip, $"federated {issuer}; organisation {provider.OrganisationId}", cancellationToken: ct);
        return (ExternalOutcome.SignedIn, principal);
    }

    private static bool IsVerified(ClaimsPrincipal external) =>
        external.FindFirst("email_verified")?.Value is { } value && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
