using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
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
        IReadOnlyList<Guid>? InvitedOrganisationIds = null);

    public static async Task<Results<Created<ExerciseDto>, ValidationProblem>> Handle(
        Request request, PlanningDb db, IRegionDirectory regions, IOrganisationDirectory organisations, IIntegrationEventPublisher events,
        TimeProvider clock,
        CancellationToken ct)
    {
        var v = new Validator()
            .Require(nameof(request.RegionCode), request.RegionCode, 13)
            .Require(nameof(request.Title), request.Title)
            .Check(request.StartYear is >= 2000 and <= 2100, nameof(request.StartYear), Msg.Of("year_range"));
        var kind = Enum.TryParse<PlanningPeriodKind>(request.PeriodKind, true, out var parsed) ? parsed : (PlanningPeriodKind?)null;
        v.Check(kind is not null, nameof(request.PeriodKind), Msg.Of("plan_kind_one_of"));
        var endYear = request.EndYear ?? (kind == PlanningPeriodKind.Rpjmd ? request.StartYear + 4 : request.StartYear);
        v.Check(kind != PlanningPeriodKind.Rpjmd || endYear == request.StartYear + 4, nameof(request.EndYear), Msg.Of("rpjmd_five_years"));
        v.Check(kind != PlanningPeriodKind.Rkpd || endYear == request.StartYear, nameof(request.EndYear), Msg.Of("rkpd_one_year"));
        if (!string.IsNullOrWhiteSpace(request.RegionCode)
            && await regions.FindAsync(request.RegionCode.Trim(), ct) is null)
        {
            v.Add(nameof(request.RegionCode), Msg.Of("region_not_found"));
        }

        var invited = (request.InvitedOrganisationIds ?? []).Distinct().ToList();
        await ExerciseInvitations.CheckAsync(invited, organisations, v, ct);
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
        return TypedResults.Created($"/api/planning/exercises/{exercise.Id}", ExerciseDto.From(exercise));
    }
}
