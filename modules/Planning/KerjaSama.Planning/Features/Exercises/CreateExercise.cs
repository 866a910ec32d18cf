using KerjaSama.Meetings.Contracts;
using KerjaSama.Modularity.Http;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KerjaSama.Planning.Features.Exercises;

internal static class CreateExercise
{
    internal sealed record Request(string? RegionCode, string? Title, string? PeriodKind, int StartYear, int? EndYear,
        IReadOnlyList<Guid>? InvitedOrganisationIds = null, Guid? MeetingId = null);

    public static async Task<Results<Created<ExerciseDto>, ValidationProblem>> Handle(
        Request request, PlanningDb db, IRegionDirectory regions, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
        TimeProvider clock, IMeetingDirectory meetings,
        CancellationToken ct)
    {
        var (v, kind, endYear, invited) = await ExerciseRules.CheckAsync(request.RegionCode, request.Title, request.PeriodKind, request.StartYear,
            request.EndYear, request.InvitedOrganisationIds, regions, organisations, ct);
        await ExerciseMeeting.CheckAsync(request.MeetingId, null, meetings, v, ct);
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());

        var exercise = new MappingExercise
        {
            Id = Guid.CreateVersion7(),
            RegionCode = request.RegionCode!.Trim(),
            Title = request.Title!.Trim(),
            PeriodKind = kind!.Value,
            StartYear = request.StartYear,
            EndYear = endYear,
            CreatedAt = clock.GetUtcNow(),
            InvitedOrganisationIds = invited,
        };
        db.Exercises.Add(exercise);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new MappingExerciseCreated(exercise.Id, exercise.RegionCode, exercise.Title, exercise.CreatedAt), ct);
        await ExerciseMeeting.ApplyAsync(exercise.Id, request.MeetingId, null, events, clock, ct);
        return TypedResults.Created($"/api/planning/exercises/{exercise.Id}", ExerciseDto.From(exercise));
    }
}
