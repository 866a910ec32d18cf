using System.Security.Claims;
using KerjaSama.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace KerjaSama.Identity.Users;

/// <summary>
/// Ends open sessions: raises the users' session version (every cookie re-checks it on its next request) and revokes their
/// authorizations and tokens (refresh tokens stop at once; access tokens too, as the API validates token entries).
/// </summary>
internal sealed class SessionGuard(IdentityDb db, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task EndSessionsAsync(IReadOnlyCollection<Guid> userIds, bool revokeTokens, CancellationToken ct)
    {
        if (userIds.Count == 0)
            return;
        var ids = userIds.ToArray();
        await db.Users.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionVersion, u => u.SessionVersion + 1), ct);
        if (!revokeTokens)
            return;
        foreach (var id in ids)
        {
            await authorizations.RevokeBySubjectAsync(id.ToString(), ct);
            await tokens.RevokeBySubjectAsync(id.ToString(), ct);
        }
    }

    /// <summary>False when the principal came through a partner provider registration that is gone or disabled.</summary>
    public async Task<bool> ProviderActiveAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        PrincipalFactory.ReadProvider(principal) is not { } provider
        || await db.IdentityProviders.AnyAsync(p => p.Id == provider && !p.Disabled, ct);
}
