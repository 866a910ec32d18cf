using KerjaSama.Meetings.Features.Attendance;
using KerjaSama.Meetings.Features.Invitations;
using KerjaSama.Meetings.Features.Minutes;
using KerjaSama.Meetings.Features.Sessions;
using KerjaSama.Meetings.Features.Summary;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Meetings;

internal static class MeetingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // The module's routes sit at /api/meetings; /api/meetings/meetings/... answers 308 for one release (issue 21).
        api.MapMovedPrefix("/meetings");
        var group = api.MapGroup("").WithTags("Meetings").RequireAuthorization(Policies.Member);
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

    private static async Task<Results<Created<MeetingDto>, ValidationProblem>> Create(MeetingRequest request, MeetingCommands commands,
        CancellationToken ct)
    {
        var outcome = await commands.CreateAsync(request, ct);
        return outcome is { Succeeded: true, Value: { } created }
            ? TypedResults.Created($"/api/meetings/{created.Id}", created)
            : Problems.Validation(outcome.Errors!);
    }

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, MeetingRequest request,
        MeetingCommands commands, CancellationToken ct)
    {
        var outcome = await commands.UpdateAsync(id, request, ct);
        return outcome switch
        {
            { Succeeded: true, Value: { } updated } => TypedResults.Ok(updated),
            { NotFound: true } => NotFound(id),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => Problems.Conflict(outcome.Code!, outcome.Detail!),
        };
    }
}
