using KerjaSama.Meetings.Export;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Documents;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Jobs;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Register;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Meetings.Features.Summary;

internal static class SummaryEndpoints
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/summary", Summary).WithName("GetMeetingSummary");
        group.MapGet("/{id:guid}/minutes.docx", Export).WithName("ExportMeetingMinutes");
        group.MapGet("/{id:guid}/berita-acara.docx", ExportRecord).WithName("ExportMeetingRecord");
        group.MapPost("/{id:guid}/documents/{kind}/pdf", StartPdf).WithName("StartMeetingDocumentPdf")
            .WithDescription("Starts a background job that renders the minutes ('notulen') or the record ('berita-acara') as PDF; poll /api/jobs/{jobId}.");
    }

    private static async Task<Results<Ok<MeetingSummary>, ProblemHttpResult>> Summary(Guid id, HttpContext http, MeetingsDb db,
        SummaryBuilder summaries, CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is not null && await summaries.BuildAsync(id, ct) is { } summary
            ? TypedResults.Ok(summary)
            : MeetingEndpoints.NotFound(id);

    /// <summary>
    /// The minutes with attendance as a Word document to sign and file. A meeting without attendance still exports:
    /// the attendance section then says that no attendance was recorded (a well-defined document, not an error).
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext http, MeetingsDb db,
        SummaryBuilder summaries, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is null || await summaries.BuildAsync(id, ct) is not { } summary)
            return MeetingEndpoints.NotFound(id);
        return TypedResults.File(MinutesDocument.Build(summary, Messages.Current), DocxContentType, $"notulen-{summary.Meeting.StartsAt:yyyyMMdd}-{id:N}.docx");
    }

    /// <summary>The Berita Acara of the meeting (attendance per organisation, rows per affair, agreements, signatories) as DOCX.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportRecord(Guid id, HttpContext http, MeetingsDb db,
        SummaryBuilder summaries, IAgreedRows agreed, CancellationToken ct)
    {
        if (await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is null || await summaries.BuildAsync(id, ct) is not { } summary)
            return MeetingEndpoints.NotFound(id);
        return TypedResults.File(await RecordAsync(summary, agreed, ct), DocxContentType, $"berita-acara-{summary.Meeting.StartsAt:yyyyMMdd}-{id:N}.docx");
    }

    /// <summary>The Berita Acara with the rows the Planning consolidation keeps for the meeting's exercise.</summary>
    private static async Task<byte[]> RecordAsync(MeetingSummary summary, IAgreedRows agreed, CancellationToken ct) =>
        BeritaAcaraDocument.Build(summary, summary.Meeting.ExerciseId is { } exerciseId ? await agreed.ListAgreedAsync(exerciseId, ct) : []);

    /// <summary>
    /// 202 with a job that builds the document from the meeting as it is then, converts it with LibreOffice and keeps the
    /// PDF for its owner (<c>/api/jobs/{jobId}/result</c>). Unknown kinds are a validation error; others' meetings 404.
    /// </summary>
    private static async Task<IResult> StartPdf(Guid id, string kind, HttpContext http, MeetingsDb db, BackgroundJobs jobs, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        if (await db.FindVisibleAsync(id, caller, ct) is not { } meeting)
            return MeetingEndpoints.NotFound(id);
        var language = Messages.Current; // the job runs after the request: the reader's language is taken now
        Func<MeetingSummary, IServiceProvider, CancellationToken, Task<byte[]>>? build = kind switch
        {
            "notulen" => (summary, _, _) => Task.FromResult(MinutesDocument.Build(summary, language)),
            "berita-acara" => (summary, services, token) => RecordAsync(summary, services.GetRequiredService<IAgreedRows>(), token),
            _ => null,
        };
        if (build is null)
            return Problems.Validation("kind", "The document is 'notulen' or 'berita-acara'.", "unknown_document");
        var title = (kind == "notulen" ? "Notulen " : "Berita Acara ") + meeting.Title;
        return JobEndpoints.Accepted(jobs.Start(caller, "meeting." + kind + ".pdf", title, async job =>
        {
            job.Report(JobStages.Building, 0, 2);
            var summary = await job.Services.GetRequiredService<SummaryBuilder>().BuildAsync(id, job.Cancellation)
                ?? throw new JobFailedException("meeting_not_found", "The meeting was deleted.");
            var docx = await build(summary, job.Services, job.Cancellation);
            job.Report(JobStages.Converting, 1, 2);
            var pdf = await job.Services.GetRequiredService<OfficeConverter>().ToPdfAsync(docx, "docx", job.Cancellation);
            job.Report(JobStages.Done, 2, 2);
            return TypedResults.File(pdf, "application/pdf", $"{kind}-{summary.Meeting.StartsAt:yyyyMMdd}-{id:N}.pdf");
        }));
    }
}
