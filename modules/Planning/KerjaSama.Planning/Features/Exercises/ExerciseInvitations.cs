using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Features.Exercises;

/// <summary>Which organisations may join an exercise's live sessions (agencies, partner governments, third parties).</summary>
internal static class ExerciseInvitations
{
    internal sealed record Request(IReadOnlyList<Guid>? OrganisationIds, long? Version);

    public static async Task CheckAsync(IReadOnlyList<Guid> ids, IOrganisationDirectory organisations, Validator v, CancellationToken ct)
    {
        v.Check(ids.Count <= 500, "InvitedOrganisationIds", Msg.Of("organisations_count", 500));
        var found = (await organisations.FindManyAsync([.. ids], ct)).Where(o => o.Active).Select(o => o.Id).ToHashSet();
        var missing = ids.Where(id => !found.Contains(id)).ToList();
        v.Check(missing.Count == 0, "InvitedOrganisationIds", Msg.Of("organisations_unknown", string.Join(", ", missing)));
    }

    public static async Task<Results<Ok<ExerciseDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, Request request, PlanningDb db,
        IOrganisationDirectory organisations, IGrainFactory grains, CancellationToken ct)
    {
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exercise is null)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var ids = (request.OrganisationIds ?? []).Distinct().ToList();
        var v = new Validator().Check(request.Version is not null, nameof(request.Version), Msg.Of("version_required"));
        await CheckAsync(ids, organisations, v, ct);
        if (!v.IsValid)
            return Problems.Validation(v.ToDictionary());
        db.ExpectVersion(exercise, request.Version!.Value);
        exercise.InvitedOrganisationIds = ids;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(ProblemCodes.VersionConflict, "Someone else changed this exercise since you read it.");
        }

        await grains.GetGrain<IMatrixGrain>(id).Reload();
        return TypedResults.Ok(ExerciseDto.From(exercise));
    }
}
