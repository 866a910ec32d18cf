namespace KerjaSama.Identity.Users;

/// <summary>Wrong passwords for one account from one client address (an IPv6 address counts by its /64). After
/// <c>LockoutThreshold</c> of them that address is refused for that account, first for <c>LockoutMinutes</c>, then twice as
/// long each further time; other addresses are not affected.</summary>
internal sealed class SignInThrottle
{
    public Guid UserId { get; set; }

    public required string Address { get; set; }

    /// <summary>Wrong passwords since the last refusal began (or since the last good sign-in from this address).</summary>
    public int Failures { get; set; }

    /// <summary>How many refusals this address has earned for this account; each doubles the next.</summary>
    public int Refusals { get; set; }

    public DateTimeOffset? RefusedUntil { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }
}
