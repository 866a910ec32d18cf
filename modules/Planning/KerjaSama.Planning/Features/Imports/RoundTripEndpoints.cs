using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KerjaSama.Planning.Features.Imports;

/// <summary>
/// The round trip of the RPJMD/RKPD matrix: upload the edited export, see what would change (added rows, changed fields
/// old → new, unchanged rows, rows edited since the export), then confirm. Updates go through the register path (history).
/// </summary>
internal static class RoundTripEndpoints
{
    internal sealed record PreviewDto(Guid Token, string FileName, IReadOnlyList<RowAddition> Added, IReadOnlyList<RowChange> Changed,
        IReadOnlyList<int> UnchangedLines, int Conflicts);

    internal sealed record ConfirmRequest(IReadOnlyList<Guid>? OverwriteRowIds);

    internal sealed record ConfirmResult(IReadOnlyList<Guid> AddedRowIds, IReadOnlyList<Guid> UpdatedRowIds, IReadOnlyList<Guid> SkippedRowIds,
        long? FirstSeq, long? LastSeq);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}/import/preview").WithTags("Planning: exports").RequireAuthorization(Policies.Member)
            .RequireExercise(ExerciseRight.Consolidate);
        group.MapPost("/", Preview).WithName("PreviewMatrixReimport")
            .WithDescription("Multipart field 'file' (or the raw body): an exported RPJMD/RKPD matrix, edited. Nothing is written; confirm with the token.");
        group.MapGet("/{token:guid}", Get).WithName("GetMatrixReimportPreview");
        group.MapPost("/{token:guid}/confirm", Confirm).WithName("ConfirmMatrixReimport");
    }

    public static PreviewDto Dto(RoundTripPreview p) =>
        new(p.Token, p.FileName, p.Plan!.Added, p.Plan.Changed, p.Plan.UnchangedLines, p.Plan.Changed.Count(c => c.Conflict));

    private static async Task<IResult> Preview(Guid id, HttpContext http, PlanningDb db, CancellationToken ct)
    {
        var (preview, problem) = await CreateAsync(id, http, db, ct);
        if (problem is not null)
            return problem;
        return preview!.Plan is null ? ImportEndpoint.Rejected([.. preview.Issues]) : TypedResults.Ok(Dto(preview));
    }

    private static IResult Get(Guid id, Guid token, HttpContext http, RoundTripPreviews previews) =>
        previews.Find(token, id, Caller.From(http.User)!.UserId) is { Plan: not null } preview
            ? TypedResults.Ok(Dto(preview))
            : Problems.NotFound("preview_not_found", "No preview with this token for you (it expires after an hour).");

    /// <summary>Reads and checks the upload and keeps the outcome (a plan, or every bad line) as a preview; writes nothing.</summary>
    internal static async Task<(RoundTripPreview? Preview, IResult? Problem)> CreateAsync(Guid id, HttpContext http, PlanningDb db, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        var services = http.RequestServices;
        if (await db.Exercises.FindAsync([id], ct) is not { } exercise)
            return (null, Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}."));
        var fileName = http.Request.HasFormContentType && (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") is { } file ? file.FileName : "matriks";
        var content = await ImportEndpoint.ReadBodyAsync(http.Request, ct);
        if (content is null or { Length: 0 })
            return (null, Problems.Validation("file", "Send the XLSX or CSV file (multipart field 'file', or as the request body).", "import_empty"));
        var (lines, refused) = SpreadsheetReader.Read(content, services.GetRequiredService<IOptions<SpreadsheetLimits>>().Value);
        if (refused is not null)
            return (null, ImportEndpoint.Refused(refused));

        if (lines is null)
            return (null, Problems.Validation("file", "The file is neither a readable XLSX workbook nor UTF-8 CSV text.", "import_unreadable"));
        var ctx = await ImportEndpoint.CreateContextAsync(exercise, services, ct);
        var rows = await RegisterCalls.RowsAsync(db, id, includeMerged: true, ct);
        var names = await MatrixNames.LoadAsync(rows, exercise.RegionCode, services.GetRequiredService<IAffairCatalog>(),
            services.GetRequiredService<IRegionDirectory>(), services.GetRequiredService<INomenclatureCatalog>(),
            services.GetRequiredService<IOrganisationDirectory>(), ct);
        var (plan, issues) = await MatrixRoundTrip.PlanAsync(lines, ctx, rows, names, services.GetRequiredService<IOrganisationDirectory>(), ct);
        return (services.GetRequiredService<RoundTripPreviews>().Add(id, caller.UserId, fileName, plan, issues), null);
    }

    internal static async Task<IResult> Confirm(Guid id, Guid token, ConfirmRequest body, HttpContext http, PlanningDb db, IGrainFactory grains,
        RoundTripPreviews previews, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        if (previews.Find(token, id, caller.UserId) is not { Plan: { } plan } preview)
            return Problems.NotFound("preview_not_found", "No preview with this token for you (it expires after an hour).");
        var overwrite = (body.OverwriteRowIds ?? []).ToHashSet();
        var now = (await RegisterCalls.RowsAsync(db, id, includeMerged: true, ct)).ToDictionary(r => r.RowId, r => r.Seq);
        var ops = new List<RegisterOp>(plan.AddOps);
        var lines = new List<int>(plan.Added.Select(a => a.Line));
        var updated = new List<Guid>();
        var skipped = new List<Guid>();
        foreach (var change in plan.Changed)
        {
            // Not chosen: a row edited since the export, or since the preview was made, keeps its stored values.
            var changedSincePreview = now.GetValueOrDefault(change.RowId) != change.CurrentSeq;
            if ((change.Conflict || changedSincePreview) && !overwrite.Contains(change.RowId))
            {
                skipped.Add(change.RowId);
                continue;
            }

            ops.Add(RegisterCalls.Update(change.RowId, plan.Updates[change.RowId]));
            lines.Add(change.Line);
            updated.Add(change.RowId);
        }

        if (ops.Count == 0)
        {
            previews.Remove(preview);
            return TypedResults.Ok(new ConfirmResult([], [], skipped, null, null));
        }

        var result = await RegisterCalls.ApplyAsync(grains, id, caller, RegisterAuthorities.Consolidation, ops);
        if (!result.Applied)
        {
            if (result.Errors.Any(e => e.Index < 0))
                return RegisterCalls.Problem(result);
            return ImportEndpoint.Rejected([.. result.Errors.Select(e => new ImportIssue(lines[e.Index],
                MatrixColumns.ColumnOf(e.Error.Field ?? "") ?? e.Error.Field ?? "row", e.Error.Code, e.Error.Message))]);
        }

        previews.Remove(preview);
        return TypedResults.Ok(new ConfirmResult([.. plan.AddOps.Select(o => o.RowId)], updated, skipped, result.Seqs[0], result.Seqs[^1]));
    }
}
