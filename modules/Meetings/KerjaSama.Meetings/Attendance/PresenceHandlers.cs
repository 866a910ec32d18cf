using KerjaSama.Meetings.Persistence;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Attendance;

/// <summary>
/// Records presence in live sessions as intervals per connection. Idempotent: a repeated join of an open connection
/// or a repeated leave changes nothing. Every session is recorded, so a session linked to a meeting later still has
/// its attendance. REVIEW: prune intervals of sessions no meeting links to after some months.
/// </summary>
internal sealed class PresenceHandlers(MeetingsDb db) : IIntegrationEventHandler<ParticipantJoined>, IIntegrationEventHandler<ParticipantLeft>,
    IIntegrationEventHandler<MappingSessionClosed>
{
    public async Task HandleAsync(ParticipantJoined e, CancellationToken cancellationToken)
    {
        if (await db.Presence.AnyAsync(p => p.SessionId == e.SessionId && p.ConnectionId == e.ConnectionId && p.LeftAt == null, cancellationToken))
            return;
        db.Presence.Add(new PresenceInterval
        {
            Id = Guid.CreateVersion7(), SessionId = e.SessionId, ExerciseId = e.ExerciseId, ConnectionId = e.ConnectionId, UserId = e.UserId,
            DisplayName = e.DisplayName, OrganisationId = e.OrganisationId, OrganisationName = e.OrganisationName, JoinedAt = e.OccurredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(ParticipantLeft e, CancellationToken cancellationToken)
    {
        var open = await db.Presence.Where(p => p.SessionId == e.SessionId && p.ConnectionId == e.ConnectionId && p.LeftAt == null)
            .ToListAsync(cancellationToken);
        foreach (var interval in open)
            interval.LeftAt = e.OccurredAt < interval.JoinedAt ? interval.JoinedAt : e.OccurredAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(MappingSessionClosed e, CancellationToken cancellationToken)
    {
        foreach (var interval in await db.Presence.Where(p => p.SessionId == e.SessionId && p.LeftAt == null).ToListAsync(cancellationToken))
            interval.LeftAt = e.OccurredAt < interval.JoinedAt ? interval.JoinedAt : e.OccurredAt;
        if (await db.Sessions.FirstOrDefaultAsync(s => s.SessionId == e.SessionId, cancellationToken) is { ClosedAt: null } link)
            link.ClosedAt = e.OccurredAt;
        await db.SaveChangesAsync(cancellationToken);
    }
}
