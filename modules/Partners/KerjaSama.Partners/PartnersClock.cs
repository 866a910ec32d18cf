namespace KerjaSama.Partners;

/// <summary>
/// The clock the module reads "today" from (reminders, dashboard). A keyed service so that tests can move this
/// module's time without moving the sign-in tokens' clock.
/// </summary>
internal static class PartnersClock
{
    public const string Key = "partners";

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
