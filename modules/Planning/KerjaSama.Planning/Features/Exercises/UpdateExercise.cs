using KerjaSama.Meetings.Contracts;
using KerjaSama.Modularity.Http;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Features.Exercises;

/// <summary>
/// Edits an exercise (secretariat): title, invited organisations, and region and period while its matrix is still empty
/// (rows are checked against them). Same rules as creating one; the version read guards against a lost update.
/// </summary>
internal static class UpdateExercise
{
    internal sealed record Request(string? RegionCode, string? Title, string? PeriodKind, int StartYear, int? EndYear,
        IReadOnlyList<Guid>? InvitedOrganisationIds, long? Version, Guid? MeetingId = null);

    public static async Task<Results<Ok<ExerciseDto>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, Request request, PlanningDb db,
        IRegionDirectory regions, IOrganisationDirectory organisations, IGrainFactory grains, IMeetingDirectory meetings,
        IIntegrationEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var (v, kind, endYear, invited) = await ExerciseRules.CheckAsync(request.RegionCode, request.Title, request.PeriodKind, request.StartYear,
            request.EndYear, request.InvitedOrganisationIds, regions, organisations, ct);
        v.Check(request.Version is not null, nameof(request.Version), "The version you last read is required.");
        await ExerciseMeeting.CheckAsync(request.MeetingId, id, meetings, v, ct);
        if (v.IsValid && await db.Rows.AnyAsync(r => r.ExerciseId == id && !r.Removed, ct))
        {
            // Rows were checked against the region (affairs of its level, bordering partners) and the period (plan years).
            v.Check(request.RegionCode!.Trim() == exercise.RegionCode, nameof(request.RegionCode), "The matrix has rows: the region can no longer change.");
            v.Check(kind == exercise.PeriodKind && request.StartYear == exercise.StartYear && endYear == exercise.EndYear, nameof(request.StartYear),
                "The matrix has rows: the planning period can no longer change.");
        }

        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());
        db.ExpectVersion(exercise, request.Version!.Value);
        exercise.RegionCode = request.RegionCode!.Trim();
        exercise.Title = request.Title!.Trim();
        exercise.PeriodKind = kind!.Value;
        exercise.StartYear = request.StartYear;
        exercise.EndYear = endYear;
        exercise.InvitedOrganisationIds = invited;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(ProblemCodes.VersionConflict, "Someone else changed this exercise since you read it.");
        }

        await ExerciseMeeting.ApplyAsync(id, request.MeetingId, await ExerciseMeeting.CurrentAsync(id, meetings, ct), events, clock, ct);
        // The grain holds the region, period and invitations it validates with.
        await grains.GetGrain<IMatrixGrain>(id).Reload();
        return TypedResults.Ok(ExerciseDto.From(exercise));
    }
}
