using System.Globalization;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Jobs;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Documents;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Planning.Features.Exports;

/// <summary>
/// The signed documents' settings (decree number and date, subject, place, signatory with NIP) and the yearly report to
/// the Ministry of Home Affairs (DOCX, PDF through a background job).
/// </summary>
internal static class DocumentEndpoints
{
    internal sealed record SettingsDto(string? DecreeNumber, string? DecreeDate, string? DecreeSubject, string? Place, string? SignatoryTitle,
        string? SignatoryName, string? SignatoryNip, bool SignatoryFromRegion, string EffectiveTitle, string EffectivePlace, string EffectiveSubject);

    public static void Map(RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/exercises/{id:guid}/documents").WithTags("Planning: documents").RequireAuthorization(Policies.Member);
        settings.MapGet("/settings", Get).WithName("GetDocumentSettings").RequireExercise(ExerciseRight.Read);
        settings.MapPut("/settings", Put).WithName("PutDocumentSettings").RequireExercise(ExerciseRight.Review);
        settings.MapPost("/settings/form", Form).WithName("PostDocumentSettingsForm").RequireExercise(ExerciseRight.Review).ExcludeFromDescription();

        var reports = api.MapGroup("/exercises/{id:guid}/exports").WithTags("Planning: exports").RequireAuthorization(Policies.Member)
            .RequireExercise(ExerciseRight.Read);
        reports.MapGet("/ministry-report.docx", Report).WithName("ExportMinistryReport")
            .WithDescription("The yearly report on regional cooperation to the Ministry of Home Affairs (?year=, a year of the period).");
        reports.MapPost("/ministry-report/pdf", StartReportPdf).WithName("StartMinistryReportPdf")
            .WithDescription("Starts a background job that renders the yearly report as PDF (LibreOffice); poll /api/jobs/{jobId}.");
    }

    private static async Task<IResult> Get(Guid id, PlanningDb db, IRegionDirectory regions, CancellationToken ct)
    {
        var exercise = (await db.Exercises.FindAsync([id], ct))!;
        return TypedResults.Ok(await DtoAsync(db, regions, exercise, ct));
    }

    private static async Task<IResult> Put(Guid id, DocumentSettingsRequest body, PlanningDb db, IRegionDirectory regions, TimeProvider clock,
        CancellationToken ct) =>
        (await SaveAsync(id, body, db, regions, clock, ct)).ToResult(v => TypedResults.Ok(v));

    /// <summary>Saves the settings (PUT, the form endpoint and the annex page's own form): the saved settings or field errors.</summary>
    internal static async Task<Outcome<SettingsDto>> SaveAsync(Guid id, DocumentSettingsRequest body, PlanningDb db, IRegionDirectory regions,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = DocumentSettingsStore.Check(body, ExportEndpoints.Today(clock), out var date);
        if (!errors.IsValid)
            return Outcome<SettingsDto>.Invalid(errors);
        var exercise = (await db.Exercises.FindAsync([id], ct))!;
        await DocumentSettingsStore.SaveAsync(db, exercise, body, date, clock.GetUtcNow(), ct);
        return await DtoAsync(db, regions, exercise, ct);
    }

    /// <summary>The form's fields (the names the annex page's form posts), blanks as null.</summary>
    internal static DocumentSettingsRequest FromForm(IFormCollection form)
    {
        string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        return new DocumentSettingsRequest(F("decreeNumber"), F("decreeDate"), F("decreeSubject"), F("place"), F("signatoryTitle"),
            F("signatoryName"), F("signatoryNip"));
    }

    /// <summary>
    /// The settings as a plain form post for API clients (the annex page posts to itself): same checks as PUT, back to the
    /// page with the outcome in the query string.
    /// </summary>
    private static async Task<IResult> Form(Guid id, HttpContext http, PlanningDb db, IRegionDirectory regions, TimeProvider clock, IAntiforgery antiforgery,
        CancellationToken ct)
    {
        var page = $"/planning/exercises/{id}/annex";
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Redirect($"{page}?error={Uri.EscapeDataString("The form expired; reload the page.")}");
        var outcome = await SaveAsync(id, FromForm(await http.Request.ReadFormAsync(ct)), db, regions, clock, ct);
        return outcome.Errors is { } errors
            ? TypedResults.Redirect($"{page}?error={Uri.EscapeDataString(string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))}")
            : TypedResults.Redirect($"{page}?ok={Uri.EscapeDataString(Messages.Text("document_settings_saved"))}");
    }

    internal static async Task<SettingsDto> DtoAsync(PlanningDb db, IRegionDirectory regions, MappingExercise exercise, CancellationToken ct)
    {
        var s = await DocumentSettingsStore.LoadAsync(db, exercise, ct);
        var region = (await regions.FindAsync(exercise.RegionCode, ct))?.Name ?? exercise.RegionCode;
        return new SettingsDto(s.DecreeNumber, s.DecreeDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.DecreeSubject, s.Place, s.SignatoryTitle,
            s.SignatoryName, s.SignatoryNip, s.SignatoryFromRegion, s.TitleFor(region), s.PlaceFor(region),
            DecreeAnnexDocument.Subject(new DecreeAnnex(exercise.Title, region, "", Years(exercise), []), s));
    }

    private static List<int> Years(MappingExercise e) => [.. Enumerable.Range(e.StartYear, e.EndYear - e.StartYear + 1)];

    private static async Task<IResult> Report(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, TimeProvider clock, int? year = null,
        CancellationToken ct = default)
    {
        var (bytes, name, problem) = await BuildReportAsync(id, Caller.From(http.User)!, year, db, grains, http.RequestServices, clock, ct);
        return problem ?? TypedResults.File(bytes!, ExportEndpoints.DocxContentType, name + ".docx");
    }

    private static async Task<(byte[]? Docx, string? Name, IResult? Problem)> BuildReportAsync(Guid id, Caller caller, int? year, PlanningDb db,
        IGrainFactory grains, IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var (exercise, rows, names, problem) = await ExportEndpoints.LoadAsync(id, caller, db, grains, services, ct);
        if (problem is not null)
            return (null, null, problem);
        var e = exercise!;
        var today = ExportEndpoints.Today(clock);
        var reportYear = year ?? Math.Clamp(today.Year, e.StartYear, e.EndYear);
        if (reportYear < e.StartYear || reportYear > e.EndYear)
            return (null, null, Problems.Validation("year", Msg.Of("year_outside_period"), "year_outside_period"));
        var report = MinistryReport.Build(e, rows, names!, reportYear);
        var docx = MinistryReportDocument.Build(report, await DocumentSettingsStore.LoadAsync(db, e, ct), today);
        return (docx, $"laporan-kerja-sama-daerah-{reportYear}", null);
    }

    private static IResult StartReportPdf(Guid id, HttpContext http, BackgroundJobs jobs, int? year = null)
    {
        var caller = Caller.From(http.User)!;
        return JobEndpoints.Accepted(jobs.Start(caller, "planning.ministry-report.pdf", "Laporan kerja sama daerah", async job =>
        {
            job.Report(JobStages.Reading, 0, 3);
            var services = job.Services;
            var (docx, name, problem) = await BuildReportAsync(id, caller, year, services.GetRequiredService<PlanningDb>(),
                services.GetRequiredService<IGrainFactory>(), services, services.GetRequiredService<TimeProvider>(), job.Cancellation);
            if (problem is not null)
                throw new JobFailedException("report_not_possible", "The report cannot be made for this exercise and year.");
            job.Report(JobStages.Converting, 2, 3);
            var pdf = await services.GetRequiredService<OfficeConverter>().ToPdfAsync(docx!, "docx", job.Cancellation);
            job.Report(JobStages.Done, 3, 3);
            return TypedResults.File(pdf, "application/pdf", name + ".pdf");
        }));
    }
}
