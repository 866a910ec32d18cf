using KerjaSama.Meetings.Contracts;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Planning.Contracts;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Http;

namespace KerjaSama.Meetings.Features.Meetings;

/// <summary>Create and update of meetings, shared by the API and the pages (answers an <see cref="Outcome{T}"/>).</summary>
internal sealed class MeetingCommands(MeetingsDb db, IMappingExerciseDirectory exercises, IOrganisationDirectory organisations,
    IIntegrationEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<MeetingDto>> CreateAsync(MeetingRequest request, CancellationToken ct)
    {
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        if (!v.IsValid)
            return Outcome<MeetingDto>.Invalid(v);
        var meeting = new Meeting { Id = Guid.CreateVersion7(), Title = "" };
        request.ApplyTo(meeting, found);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MeetingScheduled(meeting.Id, meeting.Title, meeting.StartsAt, meeting.ExerciseId, clock.GetUtcNow()), ct);
        return MeetingDto.From(meeting);
    }

    public async Task<Outcome<MeetingDto>> UpdateAsync(Guid id, MeetingRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return Outcome<MeetingDto>.Fail(StatusCodes.Status404NotFound, "meeting_not_found", $"No meeting has the id {id}.");
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        v.Check(request.Version is not null, nameof(request.Version), Msg.Of("version_required"));
        if (!v.IsValid)
            return Outcome<MeetingDto>.Invalid(v);

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
            return Outcome<MeetingDto>.Fail(StatusCodes.Status409Conflict, ProblemCodes.VersionConflict,
                "Someone else changed this meeting since you read it. Reload it, then apply your change again.");
        }

        return MeetingDto.From(meeting);
    }
}
