using System.Globalization;
using KerjaSama.Modularity.Http;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Features.Imports;
using KerjaSama.Planning.Features.Review;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Planning.Features.Consolidation;

/// <summary>
/// The consolidation and re-import pages' row actions (plain HTML forms, work without JavaScript). The pages post to
/// themselves (<c>@formname</c>) and call <see cref="RunAsync"/>, which runs the same handler as the JSON API; this
/// endpoint is the same for API clients that post the form fields, and goes back to the page with the outcome in the
/// query string.
/// </summary>
internal static class UiActions
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/exercises/{id:guid}/ui-actions", Handle).WithTags("Planning: consolidation and lifecycle")
            .RequireAuthorization(Modularity.Security.Policies.Member).ExcludeFromDescription()
            .RequireExercise(ExerciseRight.Consolidate);

    private static async Task<IResult> Handle(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, IAntiforgery antiforgery,
        CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Problem400("antiforgery", "The form expired; reload the page.");
        var result = await RunAsync(id, await http.Request.ReadFormAsync(ct), http, db, grains, ct);
        return TypedResults.Redirect(result.Value ?? $"/planning/exercises/{id}?error={Uri.EscapeDataString(result.Detail!)}");
    }

    /// <summary>The right an action needs: the TKKSD's decisions and adoption are the secretariat's, the rest consolidation.</summary>
    public static ExerciseRight RightOf(string? action) => action is "review" or "adopt" ? ExerciseRight.Review : ExerciseRight.Consolidate;

    /// <summary>
    /// Runs the posted action (field <c>action</c>) with the handler of its JSON route: the page to go to (with its notice)
    /// as the value, or the refusal (its message as <c>Detail</c>, field errors when the handler named fields).
    /// </summary>
    public static async Task<Outcome<string>> RunAsync(Guid id, IFormCollection form, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        Guid RowId() => Guid.TryParse(F("rowId"), out var g) ? g : Guid.Empty;
        if (F("action") == "reimport-preview")
        {
            // The preview page shows the plan, or every bad line of a refused file.
            var (preview, problem) = await RoundTripEndpoints.CreateAsync(id, http, db, ct);
            return preview is not null ? $"/planning/exercises/{id}/reimport/{preview.Token}" : Describe(id, problem!);
        }

        var result = F("action") switch
        {
            "status" => await ConsolidationEndpoints.ChangeStatus(id, RowId(), new(F("status"), F("reason")), http, db, grains),
            "review" => await ReviewEndpoints.Review(id, RowId(), new(F("decision"),
                int.TryParse(F("priority"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null, F("note")), http, db, grains, ct),
            "send-back" => await ConsolidationEndpoints.SendBack(id, RowId(), new(F("question")), http, db, grains, ct),
            "merge" => await ConsolidationEndpoints.Merge(id, RowId(), new(Guid.TryParse(F("intoRowId"), out var into) ? into : Guid.Empty, F("reason")),
                http, db, grains, ct),
            "bulk-status" => await BulkStatusEndpoint.Change(id, new(await RowsWithStatusAsync(db, id, F("fromStatus"), ct), F("status"), F("reason")),
                http, db, grains, ct),
            "adopt" => await ReviewEndpoints.Adopt(id, new(F("reason"), F("decreeNumber"), F("decreeDate"), F("decreeSubject")), http, db, grains, ct),
            "import" => await ImportEndpoint.Import(id, http, db, grains, ct),
            "reimport-confirm" => await RoundTripEndpoints.Confirm(id, Guid.TryParse(F("token"), out var token) ? token : Guid.Empty,
                new([.. form["overwrite"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)]), http, db, grains,
                http.RequestServices.GetRequiredService<KerjaSama.Planning.Consolidation.RoundTripPreviews>(), ct),
            _ => Problem400("unknown_action", "Unknown action."),
        };
        return Describe(id, result);
    }

    private static async Task<List<Guid>?> RowsWithStatusAsync(PlanningDb db, Guid id, string? status, CancellationToken ct) =>
        status is null ? null
            : await db.Rows.AsNoTracking().Where(r => r.ExerciseId == id && !r.Removed && r.Status == status).Select(r => r.Id).ToListAsync(ct);

    private static ProblemHttpResult Problem400(string code, string detail) =>
        TypedResults.Problem(KerjaSama.Modularity.Localization.Messages.ForCode(code) ?? detail, statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static Outcome<string> Describe(Guid id, IResult result) => result switch
    {
        ValidationProblem v => new(null, v.ProblemDetails.Errors, StatusCodes.Status400BadRequest, CodeOf(v.ProblemDetails),
            string.Join(" ", v.ProblemDetails.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").Take(10))),
        ProblemHttpResult p => new(null,
            p.ProblemDetails.Extensions.TryGetValue("field", out var f) && f is string field
                ? new Dictionary<string, string[]> { [field] = [p.ProblemDetails.Detail ?? ""] } : null,
            p.StatusCode, CodeOf(p.ProblemDetails), p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "Refused."),
        IStatusCodeHttpResult { StatusCode: >= 400 } s => Outcome<string>.Fail(s.StatusCode ?? 400, "refused", $"HTTP {s.StatusCode}"),
        Ok<RoundTripEndpoints.ConfirmResult> { Value: { } r } => Saved(id,
            $"Impor ulang tersimpan: {r.AddedRowIds.Count} baris ditambah, {r.UpdatedRowIds.Count} diubah, {r.SkippedRowIds.Count} dilewati (bentrok)."),
        _ => Saved(id, "Tersimpan / saved."),
    };

    private static Outcome<string> Saved(Guid id, string message) => $"/planning/exercises/{id}?ok={Uri.EscapeDataString(message)}";

    private static string CodeOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem.Extensions.TryGetValue("code", out var code) && code?.ToString() is { Length: > 0 } text ? text : "refused";
}
