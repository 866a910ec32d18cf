using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Identity.Users;

internal enum PasswordCheck
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>Local accounts: creation under the password policy, password checks with lockout, memberships and roles.</summary>
internal sealed class UserAccounts(IdentityDb db, IPasswordHasher<User> hasher, AuditLog audit, SessionGuard sessions, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock,
    IOptions<IdentitySettings> settings)
{
    private static readonly User Dummy = new() { UserName = "", DisplayName = "" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(Dummy, Guid.NewGuid().ToString()));

    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    public async Task<(User? User, IReadOnlyList<string> Errors)> CreateAsync(string userName, string displayName, string password,
        Guid? actorId, CancellationToken ct)
    {
        userName = Normalise(userName);
        var errors = PasswordPolicy.Check(password, userName).ToList();
        if (userName.Length is 0 or > 256)
            errors.Add("Nama pengguna wajib diisi / the user name is required.");
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
            errors.Add("Nama pengguna sudah dipakai / the user name is taken.");
        if (errors.Count > 0)
            return (null, errors);

        var user = new User { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditKinds.UserCreated, user.Id, userName, null, null, actorId, ct);
        return (user, []);
    }

    public async Task<Membership> AddMembershipAsync(Guid userId, Guid organisationId, string organisationName, string role,
        MembershipStatus status, CancellationToken ct)
    {
        if (!PlatformRoles.All.Contains(role))
            throw new ArgumentException($"Unknown role {role}.", nameof(role));
        var membership = new Membership
        {
            Id = Guid.CreateVersion7(), UserId = userId, OrganisationId = organisationId, OrganisationName = organisationName,
            Role = role, Status = status, CreatedAt = clock.GetUtcNow(),
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>Checks a password; five failures in a row lock the account for a while, whatever the later passwords.</summary>
    public async Task<(PasswordCheck Result, User? User)> CheckPasswordAsync(string userName, string password, string? ip, CancellationToken ct)
    {
        var name = Normalise(userName);
        var user = await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.UserName == name, ct);
        var now = clock.GetUtcNow();
        if (user is null || user.PasswordHash is null || user.Disabled)
        {
            // Spend the same hashing time as for a real account, so that timing does not tell which names exist.
            hasher.VerifyHashedPassword(Dummy, DummyHash.Value, password);
            await audit.WriteAsync(AuditKinds.SignInFailed, user?.Id, name, ip, user is null ? "unknown user" : "no local password", cancellationToken: ct);
            return (PasswordCheck.Failed, null);
        }

        if (user.LockedUntil is { } until && until > now)
        {
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, name, ip, "locked out", cancellationToken: ct);
            return (PasswordCheck.LockedOut, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            var locked = user.FailedSignIns >= settings.Value.LockoutThreshold;
            if (locked)
            {
                user.LockedUntil = now.AddMinutes(settings.Value.LockoutMinutes);
                user.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(ct);
            await audit.WriteAsync(locked ? AuditKinds.LockedOut : AuditKinds.SignInFailed, user.Id, name, ip, "wrong password", cancellationToken: ct);
            return (locked ? PasswordCheck.LockedOut : PasswordCheck.Failed, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return (PasswordCheck.Succeeded, user);
    }

    public async Task<Membership?> ChangeMembershipAsync(Guid membershipId, string? role, MembershipStatus? status, Guid actorId, string? ip,
        CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
            return null;
        var changed = role is not null && role != membership.Role;
        var ended = false;
        if (changed)
        {
            await audit.WriteAsync(AuditKinds.RoleChanged, membership.UserId, null, ip, $"{membership.OrganisationId}: {membership.Role} -> {role}", actorId, ct);
            membership.Role = role!;
        }

        if (status is { } s && s != membership.Status)
        {
            await audit.WriteAsync(AuditKinds.MembershipStatusChanged, membership.UserId, null, ip, $"{membership.OrganisationId}: {membership.Status} -> {s}", actorId, ct);
            ended = membership.Status == MembershipStatus.Active;
            changed = true;
            membership.Status = s;
        }

        await db.SaveChangesAsync(ct);
        // Open browser sessions re-read the membership on their next request; leaving "active" also revokes refresh and access tokens.
        if (changed)
            await sessions.EndSessionsAsync([membership.UserId], revokeTokens: ended, ct);
        return membership;
    }
}
