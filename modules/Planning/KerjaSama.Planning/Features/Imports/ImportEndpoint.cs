using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Jobs;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Localization;
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
/// Imports a matrix (last year's list, an agency's offline sheet) from XLSX or CSV: every line is checked; either all
/// rows are added (one batch through the matrix grain) or nothing is, and every bad line is reported with its number
/// and column.
/// </summary>
internal static class ImportEndpoint
{
    internal sealed record ImportResult(int Imported, IReadOnlyList<Guid> RowIds, long FirstSeq, long LastSeq);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/exercises/{id:guid}/import", Import).WithTags("Planning: exports").RequireAuthorization(Policies.Member)
            .WithName("ImportMatrix").RequireExercise(ExerciseRight.Consolidate)
            // No Accepts metadata: routing would then refuse every other content type with 415 (multipart or raw body both work).
            .WithDescription("Multipart form with the field 'file' (XLSX or CSV), or the file as the raw request body.");
        api.MapPost("/exercises/{id:guid}/import/jobs", StartJob).WithTags("Planning: exports").RequireAuthorization(Policies.Member)
            .WithName("StartMatrixImport").RequireExercise(ExerciseRight.Consolidate)
            .WithDescription("As /import, as a background job: 202 with the job; poll /api/jobs/{jobId} for rows read and checked, " +
                "DELETE it to cancel (nothing is written); its result is the import's answer.");
    }

    internal static async Task<IResult> Import(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (caller, exercise, grain, content, problem) = await PrepareAsync(id, http, db, grains, ct);
        return problem ?? await RunAsync(exercise!, caller, content!, grain!, http.RequestServices, null, ct);
    }

    /// <summary>
    /// The same import as a job: the upload is read here, the checking runs in the background with progress (rows read,
    /// rows checked) and can be cancelled until the rows are handed to the grain in one batch, all or nothing.
    /// </summary>
    internal static async Task<IResult> StartJob(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, BackgroundJobs jobs, CancellationToken ct)
    {
        var (caller, exercise, grain, content, problem) = await PrepareAsync(id, http, db, grains, ct);
        return problem ?? JobEndpoints.Accepted(jobs.Start(caller, "planning.import", "Impor matriks", job =>
            RunAsync(exercise!, caller, content!, grain!, job.Services, job, job.Cancellation)));
    }

    private static async Task<(Caller Caller, MappingExercise? Exercise, IMatrixGrain? Grain, byte[]? Content, IResult? Problem)> PrepareAsync(Guid id,
        HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        var exercise = await db.Exercises.FindAsync([id], ct);
        if (exercise is null)
            return (caller, null, null, null, Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}."));
        // The route's exercise filter (Consolidate) has already refused everyone but the secretariat and the planning agency.
        var grain = grains.GetGrain<IMatrixGrain>(id);
        var content = await ReadBodyAsync(http.Request, ct);
        if (content is null or { Length: 0 })
            return (caller, null, null, null, Problems.Validation("file", "Send the XLSX or CSV file (multipart field 'file', or as the request body).", "import_empty"));
        return (caller, exercise, grain, content, null);
    }

    private static async Task<IResult> RunAsync(MappingExercise exercise, Caller caller, byte[] content, IMatrixGrain grain, IServiceProvider services,
        JobContext? job, CancellationToken ct)
    {
        job?.Report(JobStages.Reading, 0, 0);
        var limits = services.GetRequiredService<IOptions<SpreadsheetLimits>>();
        // Bounded before it is believed (cell references, lines, columns, unzipped bytes, entries); nothing is stored when refused.
        var (lines, refused) = SpreadsheetReader.Read(content, limits.Value);
        if (refused is not null)
            return Refused(refused);

        if (lines is null)
            return Problems.Validation("file", "The file is neither a readable XLSX workbook nor UTF-8 CSV text.", "import_unreadable");

        job?.Report(JobStages.Checking, 0, lines.Count);
        var ctx = await CreateContextAsync(exercise, services, ct);
        var parsed = await MatrixImport.ParseAsync(lines, ctx, services.GetRequiredService<IOrganisationDirectory>(), ct,
            job is null ? null : (done, total) => job.Report(JobStages.Checking, done, total));
        if (parsed.Issues.Count > 0)
            return Rejected(parsed.Issues);
        // From here the rows go to the grain in one batch (one transaction): no cancellation any more.
        job?.BeginCommit();
        var result = await grain.ApplyRegister(caller, new RegisterBatch(RegisterAuthorities.Consolidation, parsed.Ops));
        if (!result.Applied)
        {
            if (result.Errors.Any(e => e.Index < 0))
                return RegisterCalls.Problem(result);
            return Rejected([.. result.Errors.Select(e => new ImportIssue(parsed.Lines[e.Index],
                MatrixColumns.ColumnOf(e.Error.Field ?? "") ?? e.Error.Field ?? "row", e.Error.Code, e.Error.Message))]);
        }

        return TypedResults.Ok(new ImportResult(parsed.Ops.Count, [.. parsed.Ops.Select(o => o.RowId)], result.Seqs[0], result.Seqs[^1]));
    }

    /// <summary>A sheet refused before it was read (a bound, a bad cell reference): title and detail in the reader's language.</summary>
    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refused(SheetProblem refused) =>
        TypedResults.Problem(refused.Status == 413 ? Messages.Text("spreadsheet_too_large", refused.Limit) : Messages.Text("invalid_cell_reference", refused.Reference),
            statusCode: refused.Status, title: Messages.Text(refused.Status == 413 ? "title.import_too_large" : "title.import_invalid"),
            extensions: new Dictionary<string, object?> { ["code"] = refused.Code, ["field"] = "file", ["limit"] = refused.Limit });

    internal static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Rejected(List<ImportIssue> issues)
    {
        var errors = issues.GroupBy(i => $"row {i.Row}: {i.Column}").ToDictionary(g => g.Key, g => g.Select(i => Planning.Live.LiveText.Of(i.Code, i.Message)).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, Messages.Text("import_invalid", issues.Select(i => i.Row).Distinct().Count()),
            title: Messages.Text("title.import_invalid"), extensions: new Dictionary<string, object?> { ["code"] = "import_invalid", ["rows"] = issues });
    }

    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if ((form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)) is not { } file)
                return null;
            await file.CopyToAsync(buffer, ct);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, ct);
        }

        return buffer.ToArray();
    }

    public static async Task<ValidationContext> CreateContextAsync(MappingExercise exercise, IServiceProvider services, CancellationToken ct)
    {
        var regions = services.GetRequiredService<IRegionDirectory>();
        var region = await regions.FindAsync(exercise.RegionCode, ct);
        return new ValidationContext(exercise.RegionCode, region?.Level ?? "provinsi", exercise.StartYear, exercise.EndYear,
            await regions.GetNeighboursAsync(exercise.RegionCode, ct), services.GetRequiredService<IAffairCatalog>(), regions,
            services.GetRequiredService<IOrganisationDirectory>(), services.GetRequiredService<INomenclatureCatalog>());
    }
}
