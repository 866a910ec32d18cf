using KerjaSama.Identity.Contracts;
using KerjaSama.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Users;

/// <summary>Reads and stores <see cref="User.Language"/> for the other modules (<see cref="IUserLanguages"/>).</summary>
internal sealed class UserLanguages(IDbContextFactory<IdentityDb> factory) : IUserLanguages
{
    public async Task<IReadOnlyDictionary<string, string>> OfEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        // User names are stored lower-case.
        var names = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
            return found;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var u in await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName)).Select(u => new { u.UserName, u.Language })
                     .ToListAsync(cancellationToken))
            found[u.UserName] = u.Language;
        return found;
    }

    public async Task<string?> OfUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> SetAsync(Guid userId, string language, CancellationToken cancellationToken)
    {
        if (PreferredLanguage.Parse(language) is not { } chosen)
            return false;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, chosen), cancellationToken) > 0;
    }
}
