using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Jobs;
using KerjaSama.Modularity.Security;
using KerjaSama.Modularity.Spreadsheets;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Documents;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Planning.Features.Exports;

/// <summary>
/// The decree annex (XLSX; the printable page is /planning/exercises/{id}/annex) and the planning agency's RPJMD and
/// RKPD matrices (XLSX and CSV).
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises/{id:guid}/exports").WithTags("Planning: exports").RequireAuthorization(Policies.Member)
            .RequireExercise(ExerciseRight.Read);
        group.MapGet("/decree-annex.xlsx", Annex).WithName("ExportDecreeAnnex");
        group.MapGet("/decree-annex.docx", AnnexDocument).WithName("ExportDecreeAnnexDocument");
        group.MapPost("/decree-annex/pdf", StartAnnexPdf).WithName("StartDecreeAnnexPdf")
            .WithDescription("Starts a background job that renders the decree annex as PDF (LibreOffice); poll /api/jobs/{jobId}.");
        group.MapGet("/rpjmd.{format}", Rpjmd).WithName("ExportRpjmdMatrix");
        group.MapGet("/rkpd.{format}", Rkpd).WithName("ExportRkpdMatrix");
    }

    /// <summary>Loads what an export needs: the exercise, its rows (merged rows left out) and the Registry's names.</summary>
    public static async Task<(MappingExercise? Exercise, List<RowView> Rows, MatrixNames? Names, IResult? Problem)> LoadAsync(Guid id, Caller caller,
        PlanningDb db, IGrainFactory grains, IServiceProvider services, CancellationToken ct)
    {
        var (exercise, denied) = await RegisterCalls.ReadableAsync(id, caller, db, services, ct);
        if (denied is not null)
            return (null, [], null, denied);
        var rows = await RegisterCalls.RowsAsync(db, id, includeMerged: false, ct);
        var names = await MatrixNames.LoadAsync(rows, exercise!.RegionCode, services.GetRequiredService<IAffairCatalog>(),
            services.GetRequiredService<IRegionDirectory>(), services.GetRequiredService<INomenclatureCatalog>(),
            services.GetRequiredService<IOrganisationDirectory>(), ct);
        return (exercise, rows, names, null);
    }

    private static async Task<IResult> Annex(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (exercise, rows, names, problem) = await LoadAsync(id, Caller.From(http.User)!, db, grains, http.RequestServices, ct);
        if (problem is not null)
            return problem;
        var annex = DecreeAnnex.Build(exercise!, rows, names!);
        return TypedResults.File(await annex.ToXlsxAsync(ct), XlsxWriter.ContentType, $"lampiran-keputusan-kerja-sama-{exercise!.StartYear}.xlsx");
    }

    private static async Task<IResult> AnnexDocument(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, CancellationToken ct)
    {
        var (exercise, rows, names, problem) = await LoadAsync(id, Caller.From(http.User)!, db, grains, http.RequestServices, ct);
        if (problem is not null)
            return problem;
        var annex = DecreeAnnex.Build(exercise!, rows, names!);
        var signing = await DocumentSettingsStore.LoadAsync(db, exercise!, ct);
        return TypedResults.File(DecreeAnnexDocument.Build(annex, signing), DocxContentType, $"lampiran-keputusan-kerja-sama-{exercise!.StartYear}.docx");
    }

    /// <summary>202 with a job that loads the annex as it is then, renders the DOCX and converts it to PDF for its owner.</summary>
    private static IResult StartAnnexPdf(Guid id, HttpContext http, BackgroundJobs jobs)
    {
        var caller = Caller.From(http.User)!;
        return JobEndpoints.Accepted(jobs.Start(caller, "planning.decree-annex.pdf", "Lampiran keputusan", async job =>
        {
            job.Report(JobStages.Reading, 0, 3);
            var services = job.Services;
            var (exercise, rows, names, problem) = await LoadAsync(id, caller, services.GetRequiredService<PlanningDb>(),
                services.GetRequiredService<IGrainFactory>(), services, job.Cancellation);
            if (problem is not null)
                throw new JobFailedException("exercise_not_readable", "The exercise can no longer be read.");
            job.Report(JobStages.Building, 1, 3);
            var signing = await DocumentSettingsStore.LoadAsync(services.GetRequiredService<PlanningDb>(), exercise!, job.Cancellation);
            var docx = DecreeAnnexDocument.Build(DecreeAnnex.Build(exercise!, rows, names!), signing);
            job.Report(JobStages.Converting, 2, 3);
            var pdf = await services.GetRequiredService<OfficeConverter>().ToPdfAsync(docx, "docx", job.Cancellation);
            job.Report(JobStages.Done, 3, 3);
            return TypedResults.File(pdf, "application/pdf", $"lampiran-keputusan-kerja-sama-{exercise!.StartYear}.pdf");
        }));
    }

    internal const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Documents are dated in WIB, the time of the province's capital.
    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static Task<IResult> Rpjmd(Guid id, string format, HttpContext http, PlanningDb db, IGrainFactory grains, string scope = "all",
        CancellationToken ct = default) => MatrixAsync(id, format, null, scope, http, db, grains, ct);

    private static Task<IResult> Rkpd(Guid id, string format, HttpContext http, PlanningDb db, IGrainFactory grains, int? year = null,
        string scope = "all", CancellationToken ct = default) => MatrixAsync(id, format, year ?? 0, scope, http, db, grains, ct);

    // year null: the RPJMD view (every year of the period); otherwise the RKPD view of that year (0: the first year).
    private static async Task<IResult> MatrixAsync(Guid id, string format, int? year, string scope, HttpContext http, PlanningDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv" or "docx"))
            return Problems.NotFound("unknown_format", "Exports are .xlsx, .csv or .docx.");
        if (scope is not ("all" or "adopted"))
            return Problems.Validation("scope", Msg.Of("export_scope_one_of"));
        var (exercise, rows, names, problem) = await LoadAsync(id, Caller.From(http.User)!, db, grains, http.RequestServices, ct);
        if (problem is not null)
            return problem;
        var e = exercise!;
        if (year is { } y && y != 0 && (y < e.StartYear || y > e.EndYear))
            return Problems.Validation("year", $"A year of the planning period {e.StartYear}–{e.EndYear}.", "year_outside_period");
        var years = year is null ? Enumerable.Range(e.StartYear, e.EndYear - e.StartYear + 1).ToList() : [year == 0 ? e.StartYear : year.Value];
        IEnumerable<RowView> selected = scope == "adopted" ? rows.Where(r => r.IsAdopted) : rows;
        if (year is not null)
            selected = selected.Where(r => r.PlanFor(years[0]) is not null);
        var name = year is null ? $"matriks-rpjmd-{e.StartYear}-{e.EndYear}" : $"matriks-rkpd-{years[0]}";
        if (format == "docx")
            return TypedResults.File(PlanTableDocument.Build([.. selected], names!, years, year is null ? "RPJMD" : "RKPD", Messages.Current), DocxContentType, name + ".docx");
        var sheet = MatrixSheet.Build(selected, names!, years);
        return format == "csv"
            ? TypedResults.File(sheet.ToCsv(), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(await sheet.ToXlsxAsync(year is null ? "RPJMD" : "RKPD " + years[0], Messages.Current, ct), XlsxWriter.ContentType, name + ".xlsx");
    }
}
