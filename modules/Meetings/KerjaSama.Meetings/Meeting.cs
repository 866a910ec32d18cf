using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Meetings;

/// <summary>A (usually online) meeting run by the secretariat, e.g. a mapping meeting on one exercise.</summary>
internal sealed class Meeting : IVersioned
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Start as an instant; shown in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public IndonesianTimeZone TimeZone { get; set; }

    public string? Place { get; set; }

    public string? OnlineLink { get; set; }

    public Guid? ExerciseId { get; set; }

    public long Version { get; set; }
}
