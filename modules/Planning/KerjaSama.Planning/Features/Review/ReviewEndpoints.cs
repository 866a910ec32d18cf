using System.Text.Json;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Documents;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Features.Consolidation;
using KerjaSama.Planning.Features.Exports;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Features.Review;

/// <summary>
/// TKKSD review, recorded by the secretariat: a decision per row (accept, revise, reject, postpone) with priority and
/// note; the ranked list of accepted rows; adoption of the accepted rows (status ditetapkan) once the decree is signed.
/// </summary>
internal static class ReviewEndpoints
{
    internal sealed record ReviewRequest(string? Decision, int? Priority, string? Note);

    /// <summary>The decree that adopts the rows: its number and date (yyyy-MM-dd) are printed on the annex; a reason alone is enough too.</summary>
    internal sealed record AdoptRequest(string? Reason, string? DecreeNumber = null, string? DecreeDate = null, string? DecreeSubject = null);

    internal sealed record RankedRow(int Rank, RowView Row);

    internal sealed record AdoptResult(int Adopted, IReadOnlyList<long> Seqs);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}").WithTags("Planning: TKKSD review").RequireAuthorization(Policies.Member);
        group.MapPost("/rows/{rowId:guid}/review", Review).WithName("ReviewRow").RequireExercise(ExerciseRight.Review);
        group.MapGet("/review/ranked", Ranked).WithName("GetRankedRows").RequireExercise(ExerciseRight.Read);
        group.MapPost("/review/adopt", Adopt).WithName("AdoptAcceptedRows").RequireExercise(ExerciseRight.Review);
    }

    internal static async Task<IResult> Review(Guid id, Guid rowId, ReviewRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        var errors = new Validator()
            .Check(body.Decision is not null && MatrixFieldSchema.ReviewDecisions.Contains(body.Decision), "decision", Msg.Of("review_decision_one_of"))
            .Check(body.Priority is null or >= 1 and <= 3, "priority", Msg.Of("priority_range"))
            .Check(body.Decision != "accept" || body.Priority is not null, "priority", Msg.Of("priority_required_for_accept"))
            .Check(body.Decision is "accept" or null || !string.IsNullOrWhiteSpace(body.Note), "note", Msg.Of("review_note_required"))
            .Check((body.Note?.Length ?? 0) <= 2000, "note", Msg.Of("max_length", 2000));
        if (!errors.IsValid)
            return Problems.Validation(errors.ToDictionary());
        var stored = await db.Rows.FindAsync([rowId], ct);
        if (stored is null || stored.ExerciseId != id || stored.Removed)
            return Problems.NotFound(RejectionCodes.UnknownRow, $"No row {rowId} in this matrix.");

        var note = body.Note?.Trim();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.ReviewDecision] = JsonSerializer.Serialize(body.Decision), [F.ReviewNote] = string.IsNullOrEmpty(note) ? null : JsonSerializer.Serialize(note),
        };
        if (body.Priority is { } priority)
            fields[F.Priority] = JsonSerializer.Serialize(priority);
        var ops = new List<RegisterOp>();
        // A verified row is under TKKSD discussion once reviewed; the decision then moves it on.
        var status = stored.Status;
        if (status == RowStatuses.Verified)
        {
            ops.Add(RegisterCalls.Update(rowId, new(StringComparer.Ordinal)
            {
                [F.Status] = JsonSerializer.Serialize(RowStatuses.InReview), [F.StatusReason] = JsonSerializer.Serialize("Dibahas dalam rapat TKKSD"),
            }));
        }

        var next = body.Decision switch
        {
            "revise" => RowStatuses.Verified,
            "reject" => RowStatuses.Rejected,
            "postpone" => RowStatuses.Postponed,
            _ => null,
        };
        if (next is not null)
        {
            fields[F.Status] = JsonSerializer.Serialize(next);
            fields[F.StatusReason] = JsonSerializer.Serialize("Keputusan TKKSD: " + note);
        }

        ops.Add(RegisterCalls.Update(rowId, fields));
        return await ConsolidationEndpoints.ApplyAsync(id, rowId, http, db, grains, RegisterAuthorities.Review, ops);
    }

    /// <summary>Accepted rows (not merged, not rejected or postponed since), by priority, then indicative budget, then age.</summary>
    public static List<RankedRow> Rank(IEnumerable<RowView> rows) =>
        [.. rows.Where(r => r.ReviewDecision == "accept" && r.MergedInto is null && r.Status is not (RowStatuses.Rejected or RowStatuses.Postponed))
            .OrderBy(r => r.Priority ?? int.MaxValue).ThenByDescending(r => r.TotalBudget).ThenBy(r => r.CreatedSeq)
            .Select((r, i) => new RankedRow(i + 1, r))];

    private static async Task<IResult> Ranked(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (exercise, denied) = await RegisterCalls.ReadableAsync(id, Caller.From(http.User)!, db, http.RequestServices, ct);
        return denied ?? TypedResults.Ok(Rank(await RegisterCalls.RowsAsync(db, exercise!.Id, includeMerged: false, ct)));
    }

    /// <summary>The decree is signed: every accepted row still under TKKSD discussion becomes ditetapkan, in one batch.</summary>
    internal static async Task<IResult> Adopt(Guid id, AdoptRequest body, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var errors = DocumentSettingsStore.CheckDecree(new Validator(), body.DecreeNumber, body.DecreeDate, ExportEndpoints.Today(clock), out var decreeDate)
            .Check((body.DecreeSubject?.Trim().Length ?? 0) <= 300, "decreeSubject", Msg.Of("max_length", 300))
            .Check(!string.IsNullOrWhiteSpace(body.Reason) || !string.IsNullOrWhiteSpace(body.DecreeNumber), "reason", Msg.Of("adoption_decree_required"));
        if (!errors.IsValid)
            return Problems.Validation(errors.ToDictionary());
        if (await db.Exercises.FindAsync([id], ct) is not { } exercise)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var rows = Rank(await RegisterCalls.RowsAsync(db, id, includeMerged: false, ct)).Where(r => r.Row.Status == RowStatuses.InReview).ToList();
        if (rows.Count == 0)
            return Problems.Conflict("nothing_to_adopt", "No accepted row is waiting for adoption.");
        var reason = JsonSerializer.Serialize(string.IsNullOrWhiteSpace(body.Reason)
            ? $"Ditetapkan dengan keputusan nomor {body.DecreeNumber!.Trim()} tanggal {IndonesianDates.Format(decreeDate!.Value)}" : body.Reason.Trim());
        var ops = rows.Select(r => RegisterCalls.Update(r.Row.RowId, new(StringComparer.Ordinal)
        {
            [F.Status] = JsonSerializer.Serialize(RowStatuses.Adopted), [F.StatusReason] = reason,
        })).ToList();
        var result = await RegisterCalls.ApplyAsync(grains, id, Caller.From(http.User)!, RegisterAuthorities.Review, ops);
        if (!result.Applied)
            return RegisterCalls.Problem(result);
        if (decreeDate is { } date)
            await DocumentSettingsStore.RecordDecreeAsync(db, exercise, body.DecreeNumber!, date, body.DecreeSubject, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new AdoptResult(ops.Count, result.Seqs));
    }
}
