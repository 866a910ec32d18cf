using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Identity.Users;

/// <summary>
/// Invitations: the secretariat creates a user without a password and an invited membership; the link (a random token, only
/// its hash is stored) lets the person choose a password once, which activates the membership.
/// </summary>
internal sealed partial class Invitations(IdentityDb db, UserAccounts accounts, IPasswordHasher<User> hasher, AuditLog audit,
    [FromKeyedServices(IdentityClock.Key)] TimeProvider clock, IOptions<IdentitySettings> settings, IMailSender mail, IHostEnvironment environment,
    ILogger<Invitations> logger)
{
    /// <summary>
    /// Creates the invited user and e-mails the link. <paramref name="requestBaseUrl"/> (the address the secretariat used) is the
    /// link's base unless <c>KerjaSama:Mail:PublicBaseUrl</c> or <c>KerjaSama:Identity:Issuer</c> names the public address.
    /// </summary>
    public async Task<InvitationResult> InviteAsync(string userName, string displayName, Guid organisationId, string organisationName, string role,
        string language, Guid actorId, string? ip, string requestBaseUrl, CancellationToken ct)
    {
        var name = UserAccounts.Normalise(userName);
        var errors = new List<string>();
        if (name.Length is 0 or > 256 || !name.Contains('@', StringComparison.Ordinal))
            errors.Add(Messages.Text("email_required"));
        else if (await db.Users.AnyAsync(u => u.UserName == name, ct))
            errors.Add(Messages.Text("user_name_taken"));
        if (errors.Count > 0)
            return new(null, null, null, false, errors);

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(), UserName = name, DisplayName = displayName.Trim(), CreatedAt = now, InvitationHash = Hash(token),
            InvitationExpiresAt = now.AddDays(settings.Value.InvitationDays),
            Language = language,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        var membership = await accounts.AddMembershipAsync(user.Id, organisationId, organisationName, role, MembershipStatus.Invited, ct);
        await audit.WriteAsync(AuditKinds.UserInvited, user.Id, name, ip, $"{organisationId}: {role}", actorId, ct);
        var link = $"{LinkBase(requestBaseUrl)}/account/invitation?token={token}";
        if (environment.IsDevelopment())
            LogInvitation(name, link);
        var emailed = await SendAsync(user, organisationName, link, user.InvitationExpiresAt!.Value, ct);
        return new(membership, user, link, emailed, []);
    }

    private string LinkBase(string requestBaseUrl) =>
        (mail.Options.Settings.PublicBaseUrl is { Length: > 0 } configured ? configured
            : settings.Value.Issuer?.AbsoluteUri ?? requestBaseUrl).TrimEnd('/');

    private async Task<bool> SendAsync(User user, string organisationName, string link, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var until = expiresAt.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " WIB";
        // In the invitee's language (chosen by the secretariat, Indonesian by default): mail.account_invitation.*.
        var language = Messages.CultureOf(user.Language);
        var body = Messages.Text(language, "mail.account_invitation.body", user.DisplayName, organisationName, until, link);
        try
        {
            return await mail.SendTextAsync(user.DisplayName, user.UserName, Messages.Text(language, "mail.account_invitation.subject"), body, clock.GetUtcNow(), ct) > 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The invitation stands; the secretariat sees the link and can hand it over another way.
            LogMailFailed(ex, user.UserName);
            return false;
        }
    }

    public async Task<User?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return null;
        var hash = Hash(token);
        var user = await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.InvitationHash == hash, ct);
        return user is { InvitationExpiresAt: { } until } && until > clock.GetUtcNow() && !user.Disabled ? user : null;
    }

    /// <summary>Sets the password (policy applies) and activates the invited memberships; the token is then spent.</summary>
    public async Task<(User? User, IReadOnlyList<string> Errors)> AcceptAsync(string? token, string? password, string? ip, CancellationToken ct)
    {
        var user = await FindAsync(token, ct);
        if (user is null)
            return (null, [Messages.Text("invitation_invalid")]);
        var errors = PasswordPolicy.Check(password, user.UserName);
        if (errors.Count > 0)
            return (null, errors);

        user.PasswordHash = hasher.HashPassword(user, password!);
        user.InvitationHash = null;
        user.InvitationExpiresAt = null;
        foreach (var membership in user.Memberships.Where(m => m.Status == MembershipStatus.Invited))
            membership.Status = MembershipStatus.Active;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditKinds.InvitationAccepted, user.Id, user.UserName, ip, null, cancellationToken: ct);
        return (user, []);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation for {UserName} (Development only): {Link}")]
    private partial void LogInvitation(string userName, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation e-mail to {UserName} could not be sent")]
    private partial void LogMailFailed(Exception exception, string userName);
}

/// <summary>The invited membership and user, the one-time link (null on errors) and whether it was e-mailed.</summary>
internal sealed record InvitationResult(Membership? Membership, User? User, string? Link, bool Emailed, IReadOnlyList<string> Errors);
