using KerjaSama.Planning.Exercises;

namespace KerjaSama.Planning.Pages;

/// <summary>The exercise form's fields as posted (invited organisations come as repeated <c>invited</c> values).</summary>
internal sealed class ExerciseFormModel
{
    public string? Title { get; set; }

    public string? RegionCode { get; set; }

    public string? PeriodKind { get; set; }

    public int? StartYear { get; set; }

    /// <summary>The meeting the exercise belongs to (an id from the Meetings module), or empty for none.</summary>
    public string? MeetingId { get; set; }

    public long Version { get; set; }

    public static ExerciseFormModel From(MappingExercise e) => new()
    {
        Title = e.Title, RegionCode = e.RegionCode, PeriodKind = e.PeriodKind.ToString().ToLowerInvariant(), StartYear = e.StartYear, Version = e.Version,
    };
}
