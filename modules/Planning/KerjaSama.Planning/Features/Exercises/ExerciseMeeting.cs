using KerjaSama.Meetings.Contracts;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts;
using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Features.Exercises;

/// <summary>
/// The meeting an exercise belongs to, chosen on the exercise (form or API, field <c>MeetingId</c>). The link is the
/// Meetings module's (a meeting's exercise): read through <see cref="IMeetingDirectory"/>, changed by publishing
/// <see cref="MappingExerciseMeetingChosen"/>. In a request, null leaves the link as it is and <see cref="Guid.Empty"/> removes it.
/// </summary>
internal static class ExerciseMeeting
{
    public const string Field = "MeetingId";

    /// <summary>Checks the chosen meeting: it exists and is on no other exercise.</summary>
    public static async Task CheckAsync(Guid? meetingId, Guid? exerciseId, IMeetingDirectory meetings, Validator v, CancellationToken ct)
    {
        if (meetingId is not { } id || id == Guid.Empty)
            return;
        var meeting = await meetings.FindAsync(id, ct);
        if (meeting is null)
            v.Add(Field, Msg.Of("meeting_not_found"));
        else if (meeting.ExerciseId is { } other && other != exerciseId)
            v.Add(Field, Msg.Of("meeting_on_other_exercise"));
    }

    /// <summary>The meeting the exercise belongs to now (the earliest when several are on it).</summary>
    public static async Task<Guid?> CurrentAsync(Guid exerciseId, IMeetingDirectory meetings, CancellationToken ct) =>
        await meetings.OfExerciseAsync(exerciseId, ct) is [var first, ..] ? first.Id : null;

    /// <summary>Publishes the choice when it changes the link.</summary>
    public static async Task ApplyAsync(Guid exerciseId, Guid? requested, Guid? current, IIntegrationEventPublisher events, TimeProvider clock,
        CancellationToken ct)
    {
        if (requested is not { } chosen)
            return;
        Guid? next = chosen == Guid.Empty ? null : chosen;
        if (next != current)
            await events.PublishAsync(new MappingExerciseMeetingChosen(exerciseId, next, current, clock.GetUtcNow()), ct);
    }
}
