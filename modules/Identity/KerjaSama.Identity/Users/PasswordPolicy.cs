using KerjaSama.Modularity.Localization;

namespace KerjaSama.Identity.Users;

/// <summary>At least 12 characters, not a well-known password, not the user's own name.</summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 12;

    // The most common passwords of public breach corpora that are 12+ characters long, plus local favourites.
    // REVIEW: a k-anonymity breached-password lookup (or a larger offline list) when the host may call out.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "password1234", "password12345",
        "password123456", "passwordpassword", "qwertyuiopasdf", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y",
        "1qaz2wsx3edc", "iloveyou1234", "abcdefghijkl", "abc123456789", "aaaaaaaaaaaa", "111111111111",
        "000000000000", "administrator", "admin1234567", "welcome12345", "letmein12345", "p@ssw0rd1234",
        "passw0rd1234", "changeme1234", "sayangku1234", "indonesia123", "indonesia1234", "indonesia2024",
        "indonesia2025", "palangkaraya", "kalimantan123", "jakarta12345", "bismillah123", "bismillah1234",
        "rahasia12345", "katasandi123", "kerjasama123", "kerjasama2025", "superman1234", "football1234",
    };

    public static IReadOnlyList<string> Check(string? password, string userName)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            errors.Add(Messages.Text("password_too_short", MinimumLength));
            return errors;
        }

        if (Common.Contains(password) || password.Distinct().Count() < 4)
            errors.Add(Messages.Text("password_too_common"));
        var localPart = userName.Split('@')[0];
        if (localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
            errors.Add(Messages.Text("password_contains_user_name"));
        return errors;
    }
}
