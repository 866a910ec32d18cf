using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Meetings;

/// <summary>Who sees which meetings: the secretariat (facilitators) all; others those their organisation was invited to once sent.</summary>
internal static class MeetingQueries
{
    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, Caller caller) =>
        caller.CanFacilitate
            ? meetings
            : meetings.Where(m => m.InvitationsSentAt != null && m.Invitees.Any(i => i.OrganisationId == caller.OrganisationId));

    /// <summary>Meetings the caller's organisation is invited to (invitations sent) that have not ended yet, soonest first.</summary>
    public static Task<List<Meeting>> UpcomingForAsync(this MeetingsDb db, Caller caller, DateTimeOffset now, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Include(m => m.Invitees)
            .Where(m => m.InvitationsSentAt != null && m.EndsAt >= now && m.Invitees.Any(i => i.OrganisationId == caller.OrganisationId))
            .OrderBy(m => m.StartsAt).Take(100).ToListAsync(ct);

    public static Task<Meeting?> FindVisibleAsync(this MeetingsDb db, Guid id, Caller caller, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Include(m => m.Invitees).VisibleTo(caller).FirstOrDefaultAsync(m => m.Id == id, ct);
}
