using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Attendance;

/// <summary>A correction of one person's attendance; a new <c>personId</c> with a name and organisation adds someone by hand.</summary>
internal sealed record AttendanceCorrectionRequest(string? DisplayName, Guid? OrganisationId, bool? Present, DateTimeOffset? FirstJoinAt,
    DateTimeOffset? LastLeaveAt, int? TotalMinutes, string? Note);

internal static class AttendanceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/attendance", Get).WithName("GetMeetingAttendance");
        group.MapPut("/{id:guid}/attendance/{personId:guid}", Correct).WithName("CorrectMeetingAttendance").RequireAuthorization(Policies.Facilitator);
    }

    private static async Task<Results<Ok<List<AttendanceRow>>, ProblemHttpResult>> Get(Guid id, HttpContext http, MeetingsDb db,
        AttendanceCalculator attendance, CancellationToken ct) =>
        await db.FindVisibleAsync(id, Caller.From(http.User)!, ct) is null
            ? MeetingEndpoints.NotFound(id)
            : TypedResults.Ok(await attendance.ForMeetingAsync(id, ct));

    private static async Task<Results<Ok<List<AttendanceRow>>, ValidationProblem, ProblemHttpResult>> Correct(Guid id, Guid personId,
        AttendanceCorrectionRequest request, HttpContext http, AttendanceCorrections corrections, CancellationToken ct)
    {
        var outcome = await corrections.ApplyAsync(id, personId, request, Caller.From(http.User)!, ct);
        return outcome switch
        {
            { NotFound: true } => MeetingEndpoints.NotFound(id),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Ok(outcome.Value!),
        };
    }
}

internal sealed class AttendanceCorrections(MeetingsDb db, AttendanceCalculator attendance, IOrganisationDirectory organisations, TimeProvider clock)
{
    public async Task<Outcome<List<AttendanceRow>>> ApplyAsync(Guid meetingId, Guid personId, AttendanceCorrectionRequest r, Caller caller, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            return Outcome<List<AttendanceRow>>.Fail(StatusCodes.Status404NotFound, "meeting_not_found", $"No meeting has the id {meetingId}.");
        var recorded = (await attendance.ForMeetingAsync(meetingId, ct)).Find(a => a.PersonId == personId);
        var existing = await db.Corrections.FirstOrDefaultAsync(c => c.MeetingId == meetingId && c.PersonId == personId, ct);
        var v = new Validator();
        var name = string.IsNullOrWhiteSpace(r.DisplayName) ? existing?.DisplayName ?? recorded?.DisplayName : r.DisplayName.Trim();
        v.Check(name is { Length: > 0 and <= 200 }, nameof(r.DisplayName), Msg.Of("attendee_name_required"));
        var organisationId = r.OrganisationId ?? existing?.OrganisationId ?? recorded?.OrganisationId;
        string? organisationName = null;
        if (organisationId is null)
            v.Add(nameof(r.OrganisationId), Msg.Of("attendee_organisation_required"));
        else if (r.OrganisationId is { } changed && await organisations.FindAsync(changed, ct) is null)
            v.Add(nameof(r.OrganisationId), Msg.Of("organisations_unknown", changed));
        else
            organisationName = r.OrganisationId is { } given ? (await organisations.FindAsync(given, ct))!.Name
                : existing?.OrganisationName ?? recorded?.OrganisationName;
        v.Check(r.FirstJoinAt is null || r.LastLeaveAt is null || r.LastLeaveAt >= r.FirstJoinAt, nameof(r.LastLeaveAt),
            Msg.Of("not_before_field", nameof(r.FirstJoinAt)));
        v.Check(r.TotalMinutes is null or (>= 0 and <= 24 * 60), nameof(r.TotalMinutes), Msg.Of("minutes_range", 0, 1440));
        v.Check(r.FirstJoinAt is null || r.LastLeaveAt is null || r.TotalMinutes is null
            || r.TotalMinutes <= Math.Ceiling((r.LastLeaveAt.Value - r.FirstJoinAt.Value).TotalMinutes), nameof(r.TotalMinutes),
            Msg.Of("total_minutes_too_long"));
        v.Check(r.Note is null || r.Note.Length <= 500, nameof(r.Note), Msg.Of("max_length", 500));
        if (!v.IsValid)
            return Outcome<List<AttendanceRow>>.Invalid(v);

        if (existing is null)
        {
            existing = new AttendanceCorrection { MeetingId = meetingId, PersonId = personId, DisplayName = "", OrganisationName = "", CorrectedBy = "" };
            db.Corrections.Add(existing);
        }

        existing.DisplayName = name!;
        existing.OrganisationId = organisationId!.Value;
        existing.OrganisationName = organisationName ?? "";
        existing.Present = r.Present ?? true;
        existing.FirstJoinAt = r.FirstJoinAt?.ToUniversalTime();
        existing.LastLeaveAt = r.LastLeaveAt?.ToUniversalTime();
        existing.TotalMinutes = r.TotalMinutes;
        existing.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        existing.CorrectedAt = clock.GetUtcNow();
        existing.CorrectedBy = caller.DisplayName;
        await db.SaveChangesAsync(ct);
        return await attendance.ForMeetingAsync(meetingId, ct);
    }
}
