using KerjaSama.Meetings.Export;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Meetings.Features;

internal static class SummaryEndpoints
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/summary", Summary).WithName("GetMeetingSummary");
        group.MapGet("/{id:guid}/minutes.docx", Export).WithName("ExportMeetingMinutes");
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
        return TypedResults.File(MinutesDocument.Build(summary), DocxContentType, $"notulen-{summary.Meeting.StartsAt:yyyyMMdd}-{id:N}.docx");
    }
}
