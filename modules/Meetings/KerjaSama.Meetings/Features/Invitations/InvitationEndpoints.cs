using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Meetings.Features.Invitations;

internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/invitations", Send).WithName("SendMeetingInvitations").RequireAuthorization(Policies.Facilitator);
        group.MapGet("/{id:guid}/invitations", List).WithName("ListMeetingInvitations").RequireAuthorization(Policies.Facilitator);
    }

    private static async Task<Results<Ok<SendResult>, ProblemHttpResult>> Send(Guid id, InvitationSender sender, CancellationToken ct) =>
        await sender.SendAsync(id, ct) is { } result ? TypedResults.Ok(result) : MeetingEndpoints.NotFound(id);

    private static async Task<Ok<List<InvitationDto>>> List(Guid id, InvitationSender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.ListAsync(id, ct));
}
