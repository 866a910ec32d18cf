using System.Globalization;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Identity.Users;

/// <summary>
/// A browser session compares the user's session version on every request (one indexed read) and re-reads the user and
/// membership when it changed or every few minutes, so that suspending a membership, changing a role, disabling a user or
/// removing the partner provider they came through reaches signed-in browsers on their next request.
/// </summary>
internal static class CookieRevalidation
{
    private const string CheckedAt = "ks_checked_at";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var now = services.GetRequiredKeyedService<TimeProvider>(IdentityClock.Key).GetUtcNow();
        var principal = context.Principal!;
        var db = services.GetRequiredService<IdentityDb>();
        if (!Guid.TryParse(principal.FindFirst(PlatformClaims.Subject)?.Value, out var id))
        {
            context.RejectPrincipal();
            return;
        }

        var version = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => (long?)u.SessionVersion).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            context.RejectPrincipal();
            return;
        }

        if (version == PrincipalFactory.ReadSessionVersion(principal)
            && long.TryParse(context.Properties.GetString(CheckedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && now - DateTimeOffset.FromUnixTimeSeconds(last) < Interval)
        {
            return;
        }

        // Renewing the cookie slides its expiry; the sign-in itself still ends SessionHours after the password was typed.
        var hours = services.GetRequiredService<IOptions<IdentitySettings>>().Value.SessionHours;
        if (PrincipalFactory.ReadAuthTime(principal) is not { } authTime || now - authTime > TimeSpan.FromHours(hours)
            || !await services.GetRequiredService<SessionGuard>().ProviderActiveAsync(principal, ct))
        {
            context.RejectPrincipal();
            return;
        }

        var user = await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == id, ct);
        Guid? organisation = Guid.TryParse(principal.FindFirst(PlatformClaims.OrganisationId)?.Value, out var org) ? org : null;
        var fresh = user is null ? null
            : await services.GetRequiredService<PrincipalFactory>().CreateAsync(user, organisation, IdentityModule.CookieScheme, authTime, ct,
                PrincipalFactory.ReadProvider(principal));
        if (fresh is null)
        {
            context.RejectPrincipal();
            return;
        }

        context.ReplacePrincipal(fresh);
        context.Properties.SetString(CheckedAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
