namespace KerjaSama.Identity;

/// <summary>
/// The clock of sign-in: token lifetimes (OpenIddict server and validation), the cookie, the absolute session lifetime,
/// lockout and invitation expiry. A keyed service so that tests can move sign-in time without moving the cluster's.
/// </summary>
internal static class IdentityClock
{
    public const string Key = "identity";
}
