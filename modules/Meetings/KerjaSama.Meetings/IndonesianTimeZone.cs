namespace KerjaSama.Meetings;

/// <summary>Indonesia's three time zones: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).</summary>
internal enum IndonesianTimeZone
{
    Wib = 7,
    Wita = 8,
    Wit = 9,
}
