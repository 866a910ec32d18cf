using System.Text.Json;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Live.Facilitation;
using KerjaSama.Planning.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Features.Consolidation;

/// <summary>
/// Consolidation after the live session (secretariat and planning agency): the whole matrix with sorting, filters and
/// search; edits, status transitions, merges, questions to agencies and their answers. Every change goes through the
/// matrix grain's register path.
/// </summary>
internal static class ConsolidationEndpoints
{
    internal sealed record EditRequest(Dictionary<string, JsonElement>? Fields);

    internal sealed record StatusRequest(string? Status, string? Reason);

    internal sealed record MergeRequest(Guid IntoRowId, string? Reason);

    internal sealed record QuestionRequest(string? Question);

    internal sealed record AnswerRequest(string? Answer);

    internal sealed record ChangeResult(Guid RowId, IReadOnlyList<long> Seqs);

    // Votes: the row's prioritisation votes over every vote round of the exercise (a ranking input, sort=votes).
    /// <summary>OpenQuestions and OpenComments count the row's unresolved discussion (issue 19).</summary>
    // CodesToReview: the row's planning codes that a newer nomenclature edition removed (kept, to be reviewed).
    internal sealed record ConsolidationItem(RowView Row, bool DprdSuggested, bool QuestionOpen, int Votes = 0, int OpenQuestions = 0,
        int OpenComments = 0, IReadOnlyList<string>? CodesToReview = null);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}").WithTags("Planning: consolidation and lifecycle").RequireAuthorization(Policies.Member);
        group.MapGet("/consolidation", List).WithName("ListConsolidation").RequireExercise(ExerciseRight.Read);
        group.MapPost("/rows/{rowId:guid}/edit", Edit).WithName("EditRow").RequireExercise(ExerciseRight.Consolidate);
        group.MapPost("/rows/{rowId:guid}/status", ChangeStatus).WithName("ChangeRowStatus").RequireExercise(ExerciseRight.Consolidate);
        group.MapPost("/rows/{rowId:guid}/merge", Merge).WithName("MergeRow").RequireExercise(ExerciseRight.Consolidate);
        group.MapPost("/rows/{rowId:guid}/send-back", SendBack).WithName("SendRowBack").RequireExercise(ExerciseRight.Consolidate);
        group.MapPost("/rows/{rowId:guid}/answer", Answer).WithName("AnswerRowQuestion").RequireExercise(ExerciseRight.Contribute);
        group.MapGet("/rows/{rowId:guid}/history", RowHistory.GetAsync).WithName("GetRowHistory").RequireExercise(ExerciseRight.Read);
    }

    private static async Task<IResult> List(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, TimeProvider clock,
        string? q, string? status, string? affair, string? type, Guid? agency, string? decision, bool? lacksCodes, bool? codeReview, bool includeMerged = false,
        string sort = "affair", bool desc = false, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var (exercise, denied) = await RegisterCalls.ReadableAsync(id, Caller.From(http.User)!, db, http.RequestServices, ct);
        if (denied is not null)
            return denied;
        (page, pageSize) = Paging.Clamp(page, pageSize);
        IEnumerable<RowView> rows = await RegisterCalls.RowsAsync(db, exercise!.Id, includeMerged, ct);
        if (!string.IsNullOrWhiteSpace(status))
            rows = rows.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(affair))
            rows = rows.Where(r => r.AffairCode == affair);
        if (!string.IsNullOrWhiteSpace(type))
            rows = rows.Where(r => r.CooperationType == type);
        if (agency is { } agencyId)
            rows = rows.Where(r => r.ResponsibleAgencyId == agencyId || r.OwnerOrganisationId == agencyId);
        if (!string.IsNullOrWhiteSpace(decision))
            rows = rows.Where(r => r.ReviewDecision == decision);
        if (lacksCodes is { } lacks)
            rows = rows.Where(r => r.LacksPlanningCodes == lacks);
        var listed = rows.ToList();
        var codes = await RowCodes.LoadAsync(listed, exercise.RegionCode, http.RequestServices, ct);
        rows = listed;
        if (codeReview is { } review)
            rows = rows.Where(r => codes.ToReview(r).Count > 0 == review);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            // Text of the row, a code prefix, or words of the name of one of its planning codes.
            rows = rows.Where(r => new[] { r.Potential, r.Object, r.Benefit, r.Notes, r.AffairCode, r.ProgramCode, r.ActivityCode, r.SubActivityCode }
                .Any(t => t?.Contains(term, StringComparison.OrdinalIgnoreCase) == true) || codes.Matches(r, term));
        }

        var votes = await VoteTally.PerRowAsync(db, exercise.Id, ct);
        rows = sort == "votes"
            ? (desc ? rows.OrderByDescending(r => votes.GetValueOrDefault(r.RowId)) : rows.OrderBy(r => votes.GetValueOrDefault(r.RowId))).ThenBy(r => r.CreatedSeq)
            : Sort(rows, sort, desc);
        var all = rows.ToList();
        var year = clock.GetUtcNow().Year;
        var open = await Talk.OpenDiscussion.CountAsync(db, exercise.Id, ct);
        var items = all.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new ConsolidationItem(r, r.DprdSuggested(year), r.Question is not null && r.Answer is null, votes.GetValueOrDefault(r.RowId),
                open.GetValueOrDefault(r.RowId).Questions, open.GetValueOrDefault(r.RowId).Comments, codes.ToReview(r))).ToList();
        return TypedResults.Ok(new PagedResult<ConsolidationItem>(items, page, pageSize, all.Count));
    }

    private static IEnumerable<RowView> Sort(IEnumerable<RowView> rows, string sort, bool desc)
    {
        Func<RowView, IComparable?> key = sort switch
        {
            "status" => r => RowStatusOrder(r.Status),
            "priority" => r => r.Priority ?? int.MaxValue,
            "budget" => r => r.TotalBudget,
            "type" => r => r.CooperationType ?? "",
            "created" => r => r.CreatedSeq,
            "updated" => r => r.Seq,
            "program" => r => r.ProgramCode ?? "~",
            _ => r => r.AffairCode ?? "~",
        };
        var ordered = desc ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.CreatedSeq);
    }

    /// <summary>The government level (provinsi, kabupaten_kota) of the exercise's region, or null when the exercise is unknown.</summary>
    internal static async Task<string?> LevelOfAsync(Guid id, PlanningDb db, Registry.Contracts.IRegionDirectory regions, CancellationToken ct) =>
        await db.Exercises.FindAsync([id], ct) is { } exercise ? (await regions.FindAsync(exercise.RegionCode, ct))?.Level ?? "provinsi" : null;

    private static int RowStatusOrder(string status) => RowStatuses.All.ToList().IndexOf(status);

    private static async Task<IResult> Edit(Guid id, Guid rowId, EditRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        Registry.Contracts.IRegionDirectory regions)
    {
        if (body.Fields is not { Count: > 0 } fields)
            return Problems.Validation("fields", Msg.Of("fields_required"));
        var values = fields.ToDictionary(kv => kv.Key, kv => FieldValues.ToJson(kv.Value), StringComparer.Ordinal);
        if (await LevelOfAsync(id, db, regions, http.RequestAborted) is { } level && PlanningCodeLevel.Check(values, level) is { } wrongLevel)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [wrongLevel.Field!] = [wrongLevel.Message] }, wrongLevel.Message,
                extensions: new Dictionary<string, object?> { ["code"] = wrongLevel.Code, ["field"] = wrongLevel.Field, ["rowId"] = rowId });
        }

        return await ApplyAsync(id, rowId, http, db, grains, RegisterAuthorities.Consolidation, [RegisterCalls.Update(rowId, values)]);
    }

    internal static async Task<IResult> ChangeStatus(Guid id, Guid rowId, StatusRequest body, HttpContext http, PlanningDb db, IGrainFactory grains)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.Status] = JsonSerializer.Serialize(body.Status ?? ""), [F.StatusReason] = body.Reason is null ? null : JsonSerializer.Serialize(body.Reason),
        };
        return await ApplyAsync(id, rowId, http, db, grains, RegisterAuthorities.Consolidation, [RegisterCalls.Update(rowId, fields)]);
    }

    internal static async Task<IResult> Merge(Guid id, Guid rowId, MergeRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        var rows = (await RegisterCalls.RowsAsync(db, id, includeMerged: true, ct)).ToDictionary(r => r.RowId);
        if (!rows.TryGetValue(rowId, out var merged))
            return Problems.NotFound(RejectionCodes.UnknownRow, $"No row {rowId} in this matrix.");
        if (!rows.TryGetValue(body.IntoRowId, out var survivor))
            return Problems.Validation("intoRowId", $"No row {body.IntoRowId} in this matrix.", RejectionCodes.UnknownRow);
        if (rowId == body.IntoRowId)
            return Problems.Validation("intoRowId", "A row cannot be merged into itself.", "invalid_merge");
        if (merged.MergedInto is not null || survivor.MergedInto is not null)
            return Problems.Conflict("already_merged", "One of the rows is merged into another row already.");

        var stored = await db.Rows.FindAsync([rowId], ct);
        var survivorStored = await db.Rows.FindAsync([body.IntoRowId], ct);
        var mergedValues = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stored!.ValuesJson)!;
        var survivorValues = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(survivorStored!.ValuesJson)!;
        // The survivor keeps its own values and takes the merged row's values only where it has none.
        var fill = mergedValues.Where(kv => !survivorValues.ContainsKey(kv.Key) && !MatrixFieldSchema.SystemFields.Contains(kv.Key)
                && kv.Key is not (F.Status or F.StatusReason))
            .ToDictionary(kv => kv.Key, kv => (string?)kv.Value.GetRawText(), StringComparer.Ordinal);
        fill[F.MergedFrom] = JsonSerializer.Serialize(survivor.MergedFrom.Append(rowId).Distinct().ToList());
        var mark = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.MergedInto] = JsonSerializer.Serialize(body.IntoRowId),
            [F.MergeReason] = string.IsNullOrWhiteSpace(body.Reason) ? null : JsonSerializer.Serialize(body.Reason.Trim()),
        };
        return await ApplyAsync(id, body.IntoRowId, http, db, grains, RegisterAuthorities.Consolidation,
            [RegisterCalls.Update(body.IntoRowId, fill), RegisterCalls.Update(rowId, mark)]);
    }

    internal static async Task<IResult> SendBack(Guid id, Guid rowId, QuestionRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Question))
            return Problems.Validation("question", Msg.Of("question_required"));
        var stored = await db.Rows.FindAsync([rowId], ct);
        if (stored is null || stored.ExerciseId != id || stored.Removed)
            return Problems.NotFound(RejectionCodes.UnknownRow, $"No row {rowId} in this matrix.");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.Question] = JsonSerializer.Serialize(body.Question.Trim()), [F.Answer] = null,
        };
        // A verified row that goes back to its agency is a proposal again until answered.
        if (stored.Status == RowStatuses.Verified)
        {
            fields[F.Status] = JsonSerializer.Serialize(RowStatuses.Proposed);
            fields[F.StatusReason] = JsonSerializer.Serialize("Dikembalikan ke perangkat daerah: " + body.Question.Trim());
        }

        return await ApplyAsync(id, rowId, http, db, grains, RegisterAuthorities.Consolidation, [RegisterCalls.Update(rowId, fields)]);
    }

    private static async Task<IResult> Answer(Guid id, Guid rowId, AnswerRequest body, HttpContext http, PlanningDb db, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.Answer))
            return Problems.Validation("answer", Msg.Of("answer_required"));
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [F.Answer] = JsonSerializer.Serialize(body.Answer.Trim()) };
        return await ApplyAsync(id, rowId, http, db, grains, RegisterAuthorities.Answer, [RegisterCalls.Update(rowId, fields)]);
    }

    internal static async Task<IResult> ApplyAsync(Guid id, Guid rowId, HttpContext http, PlanningDb db, IGrainFactory grains, string authority,
        List<RegisterOp> ops)
    {
        if (await db.Exercises.FindAsync([id], http.RequestAborted) is null)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var result = await RegisterCalls.ApplyAsync(grains, id, Caller.From(http.User)!, authority, ops);
        return result.Applied ? TypedResults.Ok(new ChangeResult(rowId, result.Seqs)) : RegisterCalls.Problem(result);
    }
}
