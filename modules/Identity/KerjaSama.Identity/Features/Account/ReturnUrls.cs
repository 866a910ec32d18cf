namespace KerjaSama.Identity.Features.Account;

internal static class ReturnUrls
{
    /// <summary>Only a path of this site: anything else (another host, //host, /\host) becomes "/" (no open redirect).</summary>
    public static string Local(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) && !u.Contains('\\')
            && !u.Any(char.IsControl)
            ? u
            : "/";
}
