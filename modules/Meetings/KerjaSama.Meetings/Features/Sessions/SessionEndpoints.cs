using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Meetings.Features.Sessions;

internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/session/open", Open).WithName("OpenMeetingSession").RequireAuthorization(Policies.Facilitator);
        group.MapPost("/{id:guid}/session/close", Close).WithName("CloseMeetingSession").RequireAuthorization(Policies.Facilitator);
        group.MapGet("/{id:guid}/sessions", List).WithName("ListMeetingSessions").RequireAuthorization(Policies.Facilitator);
    }

    private static async Task<Results<Ok<MeetingSessionDto>, ProblemHttpResult>> Open(Guid id, HttpContext http, SessionCommands commands,
        CancellationToken ct) => Answer(await commands.OpenAsync(id, Caller.From(http.User)!, ct));

    private static async Task<Results<Ok<MeetingSessionDto>, ProblemHttpResult>> Close(Guid id, HttpContext http, SessionCommands commands,
        CancellationToken ct) => Answer(await commands.CloseAsync(id, Caller.From(http.User)!, ct));

    private static async Task<Ok<List<MeetingSessionDto>>> List(Guid id, SessionCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.ListAsync(id, ct));

    private static Results<Ok<MeetingSessionDto>, ProblemHttpResult> Answer(Outcome<MeetingSessionDto> outcome) =>
        outcome is { Succeeded: true, Value: { } session }
            ? TypedResults.Ok(session)
            : TypedResults.Problem(Messages.ForCode(outcome.Code ?? "") ?? outcome.Detail, statusCode: outcome.Status, title: Messages.Text("title.session_not_changed"),
                extensions: new Dictionary<string, object?> { ["code"] = outcome.Code });
}
