using System.Globalization;

namespace KerjaSama.Modularity.Documents;

/// <summary>Dates as Indonesian official documents write them: "3 Desember 2026", "Kamis, 3 Desember 2026".</summary>
public static class IndonesianDates
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    public static string Format(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string Format(DateTimeOffset at) => Format(DateOnly.FromDateTime(at.DateTime));

    public static string DayName(DateOnly date) => Days[(int)date.DayOfWeek];

    public static string MonthName(DateOnly date) => Months[date.Month - 1];

    public static string WithDay(DateOnly date) => $"{DayName(date)}, {Format(date)}";

    /// <summary>"09.00" — the hour as Indonesian documents write it.</summary>
    public static string Time(DateTimeOffset at) => at.ToString("HH.mm", CultureInfo.InvariantCulture);
}
