using KerjaSama.Meetings.Contracts;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Planning.Contracts;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Modularity.Localization;

namespace KerjaSama.Meetings.Features;

internal sealed record MeetingOutcome(MeetingDto? Meeting, IDictionary<string, string[]>? Errors = null, bool Missing = false, bool Conflict = false);

/// <summary>Create and update of meetings, shared by the API and the pages.</summary>
internal sealed class MeetingCommands(MeetingsDb db, IMappingExerciseDirectory exercises, IOrganisationDirectory organisations,
    IIntegrationEventPublisher events, TimeProvider clock)
{
    public async Task<MeetingOutcome> CreateAsync(MeetingRequest request, CancellationToken ct)
    {
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        if (!v.IsValid)
            return new(null, v.ToDictionary());
        var meeting = new Meeting { Id = Guid.CreateVersion7(), Title = "" };
        request.ApplyTo(meeting, found);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MeetingScheduled(meeting.Id, meeting.Title, meeting.StartsAt, meeting.ExerciseId, clock.GetUtcNow()), ct);
        return new(MeetingDto.From(meeting));
    }

    public async Task<MeetingOutcome> UpdateAsync(Guid id, MeetingRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return new(null, Missing: true);
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        v.Check(request.Version is not null, nameof(request.Version), Msg.Of("version_required"));
        if (!v.IsValid)
            return new(null, v.ToDictionary());

        db.ExpectVersion(meeting, request.Version!.Value);
        request.ApplyTo(meeting, found);
        // Invitee changes alone must still bump the meeting's version.
        db.Entry(meeting).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, Conflict: true);
        }

        return new(MeetingDto.From(meeting));
    }
}
