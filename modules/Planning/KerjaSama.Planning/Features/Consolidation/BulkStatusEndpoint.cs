using System.Text.Json;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Features.Consolidation;

/// <summary>Moves many rows to one status with one reason (e.g. "verified in the consolidation meeting"): all or none.</summary>
internal static class BulkStatusEndpoint
{
    internal sealed record BulkStatusRequest(List<Guid>? RowIds, string? Status, string? Reason);

    internal sealed record BulkStatusResult(int Changed, IReadOnlyList<long> Seqs);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/exercises/{id:guid}/rows/status", Change).WithTags("Planning: consolidation and lifecycle").RequireAuthorization(Policies.Member)
            .WithName("ChangeRowsStatus").RequireExercise(ExerciseRight.Consolidate);

    internal static async Task<IResult> Change(Guid id, BulkStatusRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        if (body.RowIds is not { Count: > 0 and <= 5000 } rowIds)
            return Problems.Validation("rowIds", Msg.Of("row_ids_count"));
        if (await db.Exercises.FindAsync([id], ct) is null)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.Status] = JsonSerializer.Serialize(body.Status ?? ""), [F.StatusReason] = body.Reason is null ? null : JsonSerializer.Serialize(body.Reason),
        };
        var ops = rowIds.Distinct().Select(rowId => RegisterCalls.Update(rowId, fields)).ToList();
        var result = await RegisterCalls.ApplyAsync(grains, id, Caller.From(http.User)!, RegisterAuthorities.Consolidation, ops);
        return result.Applied ? TypedResults.Ok(new BulkStatusResult(ops.Count, result.Seqs)) : RegisterCalls.Problem(result);
    }
}
