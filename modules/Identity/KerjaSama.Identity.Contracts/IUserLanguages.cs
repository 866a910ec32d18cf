namespace KerjaSama.Identity.Contracts;

/// <summary>
/// The language each user reads (issue 20): <c>id</c> (Bahasa Indonesia, the default) or <c>en</c>. Modules that write
/// to people (e-mails, exports) ask here; an address that is no user's reads Indonesian.
/// </summary>
public interface IUserLanguages
{
    /// <summary>The stored language of every address that belongs to a user (keys compared case-insensitively); unknown addresses are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> OfEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>The user's stored language, or null when there is no such user.</summary>
    Task<string?> OfUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Stores the user's language (<see cref="PreferredLanguage.All"/>); false when the user or the language is unknown.</summary>
    Task<bool> SetAsync(Guid userId, string language, CancellationToken cancellationToken);
}

/// <summary>The languages a user can choose.</summary>
public static class PreferredLanguage
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Indonesian, English];

    /// <summary>The language itself when it is one of <see cref="All"/>, otherwise null.</summary>
    public static string? Parse(string? language) => language?.Trim().ToLowerInvariant() is { } l && All.Contains(l) ? l : null;
}
