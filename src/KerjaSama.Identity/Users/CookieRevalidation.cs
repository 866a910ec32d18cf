using System.Globalization;
using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Identity.Users;

/// <summary>
/// A browser session re-reads the user and membership every few minutes, so that suspending a membership, changing a
/// role or disabling a user reaches signed-in browsers without waiting for the cookie to expire.
/// </summary>
internal static class CookieRevalidation
{
    private const string CheckedAt = "ks_checked_at";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (long.TryParse(context.Properties.GetString(CheckedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && now - DateTimeOffset.FromUnixTimeSeconds(last) < Interval)
        {
            return;
        }

        var principal = context.Principal!;
        // Renewing the cookie slides its expiry; the sign-in itself still ends SessionHours after the password was typed.
        var hours = services.GetRequiredService<IOptions<IdentitySettings>>().Value.SessionHours;
        if (PrincipalFactory.ReadAuthTime(principal) is not { } authTime || now - authTime > TimeSpan.FromHours(hours))
        {
            context.RejectPrincipal();
            return;
        }

        var db = services.GetRequiredService<IdentityDb>();
        var user = Guid.TryParse(principal.FindFirst(PlatformClaims.Subject)?.Value, out var id)
            ? await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == id, context.HttpContext.RequestAborted)
            : null;
        Guid? organisation = Guid.TryParse(principal.FindFirst(PlatformClaims.OrganisationId)?.Value, out var org) ? org : null;
        var fresh = user is null ? null
            : await services.GetRequiredService<PrincipalFactory>().CreateAsync(user, organisation, IdentityModule.CookieScheme,
                PrincipalFactory.ReadAuthTime(principal), context.HttpContext.RequestAborted);
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
