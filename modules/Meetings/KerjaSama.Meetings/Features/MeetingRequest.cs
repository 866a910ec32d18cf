using KerjaSama.Modularity.Http;
using KerjaSama.Planning.Contracts;

namespace KerjaSama.Meetings.Features;

/// <summary>Body of create and update. <see cref="Version"/> is required on update: the version the editor last read.</summary>
internal sealed record MeetingRequest(string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, string? TimeZone, string? Place,
    string? OnlineLink, Guid? ExerciseId, long? Version)
{
    public async Task<Validator> ValidateAsync(IMappingExerciseDirectory exercises, CancellationToken ct)
    {
        var v = new Validator()
            .Require(nameof(Title), Title)
            .Check(StartsAt is not null, nameof(StartsAt), "Required, with an offset, e.g. 2025-02-25T09:00:00+07:00.")
            .Check(DurationMinutes is null or (> 0 and <= 24 * 60), nameof(DurationMinutes), "Between 1 and 1440 minutes.")
            .Check(Enum.TryParse<IndonesianTimeZone>(TimeZone, true, out _) && !int.TryParse(TimeZone, out _), nameof(TimeZone),
                "WIB, WITA or WIT.")
            .Check(Place is null || Place.Length <= 300, nameof(Place), "At most 300 characters.")
            .Check(!string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(OnlineLink), nameof(Place),
                "A place, an online link, or both.")
            .Check(OnlineLink is null || (Uri.TryCreate(OnlineLink, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                && OnlineLink.Length <= 500), nameof(OnlineLink), "An absolute http(s) link.");
        if (ExerciseId is { } exerciseId && await exercises.FindAsync(exerciseId, ct) is null)
            v.Add(nameof(ExerciseId), $"No mapping exercise has the id {exerciseId}.");
        return v;
    }

    public void ApplyTo(Meeting meeting)
    {
        meeting.Title = Title!.Trim();
        meeting.StartsAt = StartsAt!.Value.ToUniversalTime();
        meeting.DurationMinutes = DurationMinutes ?? 120;
        meeting.TimeZone = Enum.Parse<IndonesianTimeZone>(TimeZone!, true);
        meeting.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        meeting.OnlineLink = string.IsNullOrWhiteSpace(OnlineLink) ? null : OnlineLink.Trim();
        meeting.ExerciseId = ExerciseId;
    }
}
