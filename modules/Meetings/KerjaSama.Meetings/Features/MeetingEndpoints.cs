using KerjaSama.Meetings.Contracts;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features;

internal static class MeetingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/mine", Mine).WithTags("Meetings").RequireAuthorization(Policies.Member).WithName("MyUpcomingMeetingsShort");
        var group = api.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(Policies.Member);
        group.MapGet("/", List).WithName("ListMeetings");
        group.MapGet("/mine", Mine).WithName("MyUpcomingMeetings");
        group.MapGet("/{id:guid}", Get).WithName("GetMeeting");
        group.MapPost("/", Create).WithName("CreateMeeting").RequireAuthorization(Policies.Facilitator);
        group.MapPut("/{id:guid}", Update).WithName("UpdateMeeting").RequireAuthorization(Policies.Facilitator);
        InvitationEndpoints.Map(group);
        SessionEndpoints.Map(group);
        AttendanceEndpoints.Map(group);
        MinutesEndpoints.Map(group);
        SummaryEndpoints.Map(group);
    }

    private static async Task<Ok<PagedResult<MeetingDto>>> List(MeetingsDb db, HttpContext http, DateTimeOffset? from, int page = 1,
        int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.Meetings.AsNoTracking().Include(m => m.Invitees).VisibleTo(Caller.From(http.User)!);
        if (from is { } start)
            query = query.Where(m => m.StartsAt >= start);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.StartsAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<MeetingDto>([.. items.Select(MeetingDto.From)], page, pageSize, total));
    }

    private static async Task<Ok<List<MeetingDto>>> Mine(MeetingsDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await db.UpcomingForAsync(Caller.From(http.User)!, clock.GetUtcNow(), ct)).Select(MeetingDto.From).ToList());

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> Get(Guid id, MeetingsDb db, HttpContext http, CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is { } m ? TypedResults.Ok(MeetingDto.From(m)) : NotFound(id);

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("meeting_not_found", $"No meeting has the id {id}.");

    private static async Task<Results<Created<MeetingDto>, ValidationProblem>> Create(MeetingRequest request, MeetingsDb db,
        IMappingExerciseDirectory exercises, IOrganisationDirectory organisations, IIntegrationEventPublisher events, TimeProvider clock,
        CancellationToken ct)
    {
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());
        var meeting = new Meeting { Id = Guid.CreateVersion7(), Title = "" };
        request.ApplyTo(meeting, found);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MeetingScheduled(meeting.Id, meeting.Title, meeting.StartsAt, meeting.ExerciseId, clock.GetUtcNow()), ct);
        return TypedResults.Created($"/api/meetings/meetings/{meeting.Id}", MeetingDto.From(meeting));
    }

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, MeetingRequest request,
        MeetingsDb db, IMappingExerciseDirectory exercises, IOrganisationDirectory organisations, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return NotFound(id);
        var (v, found) = await request.ValidateAsync(exercises, organisations, ct);
        v.Check(request.Version is not null, nameof(request.Version), "The version you last read is required.");
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());

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
            return Problems.Conflict("version_conflict",
                "Someone else changed this meeting since you read it. Reload it, then apply your change again.");
        }

        return TypedResults.Ok(MeetingDto.From(meeting));
    }
}
