using KerjaSama.Meetings.Persistence;
using KerjaSama.Planning.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Meetings;

/// <summary>
/// Keeps a meeting's exercise as the exercise form chose it: the chosen meeting moves onto the exercise, the one it
/// belonged to before leaves it. A meeting on another exercise is never taken over (Planning checks that before publishing).
/// </summary>
internal sealed class ExerciseMeetingLink(MeetingsDb db) : IIntegrationEventHandler<MappingExerciseMeetingChosen>
{
    public async Task HandleAsync(MappingExerciseMeetingChosen e, CancellationToken cancellationToken)
    {
        if (e.PreviousMeetingId is { } previous && previous != e.MeetingId
            && await db.Meetings.FirstOrDefaultAsync(m => m.Id == previous && m.ExerciseId == e.ExerciseId, cancellationToken) is { } left)
            left.ExerciseId = null;
        if (e.MeetingId is { } chosen
            && await db.Meetings.FirstOrDefaultAsync(m => m.Id == chosen && (m.ExerciseId == null || m.ExerciseId == e.ExerciseId), cancellationToken) is { } joined)
            joined.ExerciseId = e.ExerciseId;
        await db.SaveChangesAsync(cancellationToken);
    }
}
