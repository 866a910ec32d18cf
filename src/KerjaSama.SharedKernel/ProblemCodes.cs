namespace KerjaSama.SharedKernel;

/// <summary>
/// The platform-wide refusal codes (ProblemDetails <c>code</c>, hub rejections) that every module and the host share.
/// Module-specific codes live with the module's contracts (e.g. <c>RejectionCodes</c> in Planning.Contracts, which
/// reuses these); write the constant, never the literal (the architecture tests look for copies).
/// </summary>
public static class ProblemCodes
{
    /// <summary>The caller is known but their role or organisation may not do this (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No valid sign-in (401).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The record changed since the caller read it (409): reload, then apply the change again.</summary>
    public const string VersionConflict = "version_conflict";

    /// <summary>Retryable: faster than the allowed rate.</summary>
    public const string RateLimited = "rate_limited";
}
