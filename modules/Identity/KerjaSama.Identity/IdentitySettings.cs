namespace KerjaSama.Identity;

/// <summary>Settings under <c>KerjaSama:Identity</c>.</summary>
internal sealed class IdentitySettings
{
    public const string Section = "KerjaSama:Identity";

    /// <summary>The public address of the platform (e.g. <c>https://kerjasama.kalteng.go.id/</c>). Set it whenever more
    /// than one host, or a proxy, serves the platform: tokens name their issuer, and every host must agree on it.
    /// When empty the address of each request is used.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>PFX of the token signing certificate; when empty a key is generated under the data folder.</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>PFX of the token encryption certificate; when empty a key is generated under the data folder.</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Where generated keys and the data-protection key ring live; default <c>{DataDirectory}/keys</c>.
    /// Point every host at the same folder (or share the data folder) so that they accept each other's tokens and cookies.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>PFX whose certificate encrypts the data-protection key ring at rest (<c>ProtectKeysWithCertificate</c>);
    /// when empty the key files are plain XML protected only by the folder's permissions.</summary>
    public string? KeyRingCertificatePath { get; set; }

    public string? KeyRingCertificatePassword { get; set; }

    public int AuthorizationCodeMinutes { get; set; } = 2;

    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>Refresh tokens rotate on each use; a sign-in ends this many hours after it began, whatever the refreshes.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>Wrong passwords for one account from one client address before that address is refused for that account
    /// (the account itself is never locked: the right password from another address still signs in).</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>The first refusal of an address for an account; each further one lasts twice as long as the one before.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The longest refusal, however often an address keeps guessing.</summary>
    public int LockoutMaxMinutes { get; set; } = 24 * 60;

    /// <summary>An address with no wrong password for this long starts again from the first refusal.</summary>
    public int LockoutResetHours { get; set; } = 24;

    /// <summary>Sign-in form posts and token requests allowed per client address and minute.</summary>
    public int SignInRequestsPerMinute { get; set; } = 30;

    /// <summary>Plain HTTP on loopback for the identity endpoints; honoured only in Development and Testing.</summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>How often a host checks the database for partner identity providers changed by another host.</summary>
    public int FederationRefreshSeconds { get; set; } = 30;

    /// <summary>Days an invitation link stays valid.</summary>
    public int InvitationDays { get; set; } = 7;

    /// <summary>Seeds the demo users and clients of README.md (Development only).</summary>
    public bool SeedDemoData { get; set; }
}
