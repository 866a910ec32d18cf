using KerjaSama.Meetings.Contracts;
using KerjaSama.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Meetings;

internal sealed class MeetingDirectory(MeetingsDb db) : IMeetingDirectory
{
    public async Task<MeetingInfo?> FindAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken) is { } m ? Info(m) : null;

    public async Task<IReadOnlyList<MeetingInfo>> OfExerciseAsync(Guid exerciseId, CancellationToken cancellationToken) =>
        [.. (await db.Meetings.AsNoTracking().Where(m => m.ExerciseId == exerciseId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken)).Select(Info)];

    public async Task<IReadOnlyList<MeetingInfo>> ChoosableAsync(Guid? exerciseId, int limit, CancellationToken cancellationToken) =>
        [.. (await db.Meetings.AsNoTracking().Where(m => m.ExerciseId == null || m.ExerciseId == exerciseId)
            .OrderByDescending(m => m.StartsAt).Take(limit).ToListAsync(cancellationToken)).Select(Info)];

    private static MeetingInfo Info(Meeting m) => new(m.Id, m.Title, m.StartsAt, MeetingDto.Local(m, m.StartsAt), m.ExerciseId);
}
