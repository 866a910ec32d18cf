using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Partners.Agreements;

/// <summary>The stage and date rules of docs/domain.md, as named checks.</summary>
internal static class AgreementRules
{
    public const int MaxTermYears = 5;

    /// <summary>signed ≤ start &lt; end; the term at most five years unless a legal basis for the exception is recorded.</summary>
    public static void CheckDates(Validator v, DateOnly? signedOn, DateOnly startsOn, DateOnly endsOn, string? exceptionLegalBasis)
    {
        v.Check(endsOn > startsOn, "EndsOn", Msg.Of("end_after_start"));
        v.Check(signedOn is null || signedOn <= startsOn, "SignedOn", Msg.Of("signed_after_start"));
        v.Check(endsOn <= startsOn.AddYears(MaxTermYears) || !string.IsNullOrWhiteSpace(exceptionLegalBasis), "EndsOn",
            Msg.Of("agreement_term_too_long", MaxTermYears));
    }

    /// <summary>active / expiring (within 90 days) / ended / draft (not signed yet), as of <paramref name="today"/>.</summary>
    public static string State(DateOnly? signedOn, DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        signedOn is null ? "draft"
        : endsOn < today ? "ended"
        : startsOn > today ? "signed"
        : endsOn <= today.AddDays(90) ? "expiring"
        : "active";

    /// <summary>The next reminder date after today (today's reminder goes out today), or null when every threshold has passed.</summary>
    public static DateOnly? NextReminder(DateOnly? signedOn, DateOnly endsOn, IReadOnlyList<int> thresholds, DateOnly today) =>
        signedOn is null ? null
        : thresholds.Select(t => endsOn.AddDays(-t)).Where(d => d > today).Order().Cast<DateOnly?>().FirstOrDefault();
}
