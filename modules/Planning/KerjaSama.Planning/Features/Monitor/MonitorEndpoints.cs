using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Monitor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Monitor;

namespace KerjaSama.Planning.Features.Monitor;

/// <summary>The live monitor's figures as a REST snapshot, for the secretariat's reports.</summary>
internal static class MonitorEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Planning: live monitor").RequireAuthorization(Policies.Secretariat);
        group.MapGet("/sessions/{id:guid}/monitor", Session).WithName("GetSessionMonitor");
        group.MapGet("/monitor", Overview).WithName("GetMonitorOverview");
    }

    private static async Task<Results<Ok<SessionMonitor>, ProblemHttpResult>> Session(Guid id, MonitorQueries queries,
        int feed = MonitorQueries.DefaultFeed, CancellationToken ct = default) =>
        await queries.SessionAsync(id, feed, ct) is { } monitor
            ? TypedResults.Ok(monitor)
            : Problems.NotFound(RejectionCodes.UnknownSession, $"No live session has the id {id}.");

    private static async Task<Ok<MonitorOverview>> Overview(MonitorQueries queries, int feed = MonitorQueries.DefaultFeed,
        CancellationToken ct = default) =>
        TypedResults.Ok(await queries.OverviewAsync(feed, ct));
}
