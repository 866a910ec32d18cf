using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Minutes;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Minutes;

internal sealed record MinutesRequest(string? Text, long? Version);

internal sealed record DecisionRequest(string? Text);

internal sealed record ActionItemRequest(string? Text, Guid? OwnerOrganisationId, DateOnly? DueDate);

internal static class MinutesEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/minutes", Get).WithName("GetMeetingMinutes");
        group.MapPut("/{id:guid}/minutes", Save).WithName("SaveMeetingMinutes").RequireAuthorization(Policies.Facilitator);
        group.MapGet("/{id:guid}/decisions", Decisions).WithName("ListMeetingDecisions");
        group.MapPost("/{id:guid}/decisions", AddDecision).WithName("AddMeetingDecision").RequireAuthorization(Policies.Facilitator);
        group.MapGet("/{id:guid}/action-items", ActionItems).WithName("ListMeetingActionItems");
        group.MapPost("/{id:guid}/action-items", AddActionItem).WithName("AddMeetingActionItem").RequireAuthorization(Policies.Facilitator);
    }

    private static async Task<Results<Ok<MinutesDto>, ProblemHttpResult>> Get(Guid id, HttpContext http, MeetingsDb db, MinutesCommands minutes,
        CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is not null && await minutes.GetAsync(id, ct) is { } found
            ? TypedResults.Ok(found)
            : MeetingEndpoints.NotFound(id);

    private static async Task<Results<Ok<MinutesDto>, ValidationProblem, ProblemHttpResult>> Save(Guid id, MinutesRequest request, HttpContext http,
        MinutesCommands minutes, CancellationToken ct)
    {
        var outcome = await minutes.SaveAsync(id, request.Text, request.Version, Caller.From(http.User)!, ct);
        if (outcome.Errors is { } errors)
            return Problems.Validation(errors);
        if (outcome.NotFound)
            return MeetingEndpoints.NotFound(id);
        return outcome.Conflict ? Conflict(outcome.Value!, request) : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>409 with both versions: the stored minutes (someone saved since you read) and the text you submitted, so nothing is lost.</summary>
    internal static ProblemHttpResult Conflict(MinutesDto stored, MinutesRequest submitted) =>
        TypedResults.Problem(
            Messages.Text("minutes_conflict"),
            statusCode: StatusCodes.Status409Conflict, title: Messages.Text("title.conflict"),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "minutes_conflict",
                ["stored"] = stored,
                ["submitted"] = new { text = submitted.Text, version = submitted.Version },
            });

    private static async Task<Results<Ok<List<DecisionDto>>, ProblemHttpResult>> Decisions(Guid id, HttpContext http, MeetingsDb db,
        MinutesCommands minutes, CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is null ? MeetingEndpoints.NotFound(id) : TypedResults.Ok(await minutes.DecisionsAsync(id, ct));

    private static async Task<Results<Created<DecisionDto>, ValidationProblem, ProblemHttpResult>> AddDecision(Guid id, DecisionRequest request,
        MeetingsDb db, MinutesCommands minutes, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, ct))
            return MeetingEndpoints.NotFound(id);
        var outcome = await minutes.AddDecisionAsync(id, request.Text, ct);
        return outcome.Errors is { } errors ? Problems.Validation(errors) : TypedResults.Created($"/api/meetings/{id}/decisions", outcome.Value!);
    }

    private static async Task<Results<Ok<List<ActionItemDto>>, ProblemHttpResult>> ActionItems(Guid id, HttpContext http, MeetingsDb db,
        MinutesCommands minutes, CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is null ? MeetingEndpoints.NotFound(id) : TypedResults.Ok(await minutes.ActionItemsAsync(id, ct));

    private static async Task<Results<Created<ActionItemDto>, ValidationProblem, ProblemHttpResult>> AddActionItem(Guid id, ActionItemRequest request,
        MeetingsDb db, MinutesCommands minutes, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return MeetingEndpoints.NotFound(id);
        var outcome = await minutes.AddActionItemAsync(meeting, request.Text, request.OwnerOrganisationId, request.DueDate, ct);
        return outcome.Errors is { } errors ? Problems.Validation(errors) : TypedResults.Created($"/api/meetings/{id}/action-items", outcome.Value!);
    }
}
