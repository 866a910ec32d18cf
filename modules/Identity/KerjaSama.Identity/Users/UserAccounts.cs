using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Identity.Users;

internal enum PasswordCheck
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>Local accounts: creation under the password policy, password checks with lockout, memberships and roles.</summary>
internal sealed class UserAccounts(IdentityDb db, IPasswordHasher<User> hasher, AuditLog audit, SessionGuard sessions, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock,
    IOptions<IdentitySettings> settings, IOrganisationDirectory organisations)
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
            errors.Add(Messages.Text("user_name_required"));
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
            errors.Add(Messages.Text("user_name_taken"));
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

    /// <summary>
    /// Checks a password. Wrong passwords throttle the address they come from for that account (see <see cref="SignInThrottle"/>),
    /// never the account itself, so nobody can lock a named user out; the per-address rate limit of the host bounds guessing
    /// across accounts. Every failure is counted in <see cref="User.FailedSignIns"/> with one atomic UPDATE, however many
    /// arrive at once.
    /// </summary>
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

        var address = ThrottleAddress(ip);
        var pair = db.SignInThrottles.Where(t => t.UserId == user.Id && t.Address == address);
        var refusedUntil = await pair.Select(t => t.RefusedUntil).FirstOrDefaultAsync(ct);
        if ((user.LockedUntil is { } until && until > now) || (refusedUntil is { } refused && refused > now))
        {
            await CountFailureAsync(user.Id, ct);
            await audit.WriteAsync(AuditKinds.SignInFailed, user.Id, name, ip, "locked out (this address, for this account)", cancellationToken: ct);
            return (PasswordCheck.LockedOut, null);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await CountFailureAsync(user.Id, ct);
            var locked = await RecordAddressFailureAsync(user.Id, address, now, ct);
            await audit.WriteAsync(locked ? AuditKinds.LockedOut : AuditKinds.SignInFailed, user.Id, name, ip, "wrong password", cancellationToken: ct);
            return (locked ? PasswordCheck.LockedOut : PasswordCheck.Failed, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, password);
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0), ct);
        await pair.ExecuteDeleteAsync(ct);
        return (PasswordCheck.Succeeded, user);
    }

    private Task<int> CountFailureAsync(Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);

    /// <summary>Counts a wrong password of this address for this account; true for the one caller whose failure began a refusal.</summary>
    private async Task<bool> RecordAddressFailureAsync(Guid userId, string address, DateTimeOffset now, CancellationToken ct)
    {
        var options = settings.Value;
        var pair = db.SignInThrottles.Where(t => t.UserId == userId && t.Address == address);
        var stale = now.AddHours(-options.LockoutResetHours);
        await pair.Where(t => t.LastFailureAt < stale && (t.RefusedUntil == null || t.RefusedUntil < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 0).SetProperty(t => t.Refusals, 0).SetProperty(t => t.RefusedUntil, (DateTimeOffset?)null), ct);
        if (await IncrementAsync() == 0)
        {
            var entry = db.SignInThrottles.Add(new SignInThrottle { UserId = userId, Address = address, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent first failure from the same address inserted the row: count on it instead.
                entry.State = EntityState.Detached;
                await IncrementAsync();
            }

            entry.State = EntityState.Detached;
        }

        var current = await pair.AsNoTracking().SingleAsync(ct);
        if (current.Failures < options.LockoutThreshold)
            return false;
        var minutes = Math.Min(options.LockoutMaxMinutes, options.LockoutMinutes * Math.Pow(2, Math.Min(current.Refusals, 20)));
        // Only one of several concurrent failures wins this update (the others see Failures reset or Refusals moved on).
        return await pair.Where(t => t.Failures >= options.LockoutThreshold && t.Refusals == current.Refusals)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 0).SetProperty(t => t.Refusals, t => t.Refusals + 1)
                .SetProperty(t => t.RefusedUntil, now.AddMinutes(minutes)), ct) > 0;

        Task<int> IncrementAsync() => pair.ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1)
            .SetProperty(t => t.LastFailureAt, now), ct);
    }

    /// <summary>The address a throttle counts for: IPv4 as is, IPv6 by its /64 (one subscriber's whole network).</summary>
    internal static string ThrottleAddress(string? ip)
    {
        if (!System.Net.IPAddress.TryParse(ip, out var address))
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>Why the membership may not take that role (<see cref="RoleRules"/>), or null. A membership of an organisation the
    /// Registry does not know (only the test kit makes those) is not restricted beyond the list of roles.</summary>
    public async Task<string?> RoleRefusalAsync(Guid membershipId, string role, CancellationToken ct)
    {
        var organisationId = await db.Memberships.Where(m => m.Id == membershipId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct);
        return organisationId is { } id && await organisations.FindAsync(id, ct) is { } organisation ? RoleRules.Refusal(organisation, role) : null;
    }

    /// <summary>
    /// Changes a membership's role and/or status, audited. Nobody changes their own (<c>own_membership</c> on the field
    /// asked for): an admin who suspended or demoted themself could leave the secretariat without an administrator.
    /// </summary>
    public async Task<Outcome<Membership>> ChangeMembershipAsync(Guid membershipId, string? role, MembershipStatus? status, Guid actorId, string? ip,
        CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
            return Outcome<Membership>.Fail(StatusCodes.Status404NotFound, "membership_not_found", $"No membership has the id {membershipId}.");
        if (membership.UserId == actorId && (role is not null || status is not null))
            return Outcome<Membership>.Invalid(role is not null ? "role" : "status", Msg.Of("own_membership"), "own_membership");
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
