using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Exercises;

/// <summary>What a route on an exercise asks of its caller, checked before the request body is even read.</summary>
internal enum ExerciseRight
{
    /// <summary>Read the exercise and its matrix (<see cref="ExerciseAccess.CanReadAsync"/>).</summary>
    Read,

    /// <summary>Read, and contribute (observers only read).</summary>
    Contribute,

    /// <summary>Record the TKKSD's decisions: the secretariat.</summary>
    Review,

    /// <summary>Consolidate the matrix (edit, status, merge, import): the secretariat and the region's planning agency.</summary>
    Consolidate,
}

/// <summary>
/// Authorises a route of <c>/exercises/{id}</c> before its handler binds or validates anything, so that a caller without
/// the right learns nothing from validation errors and an uninvited organisation gets 403 everywhere. The matrix grain
/// still checks every op itself; this is the same rule, earlier.
/// </summary>
internal static class ExerciseAccessFilter
{
    public static TBuilder RequireExercise<TBuilder>(this TBuilder builder, ExerciseRight right)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id))
                return Problems.Forbidden(RejectionCodes.Forbidden, "Sign in as a member of an organisation.");
            return await RefusalAsync(http, id, right) is { } refusal ? refusal : await next(context);
        });

    /// <summary>
    /// The filter's rule for one exercise, for the pages that post to themselves (the consolidation, re-import and annex
    /// pages): null when the caller has <paramref name="right"/>, else the 403/404 problem.
    /// </summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http, Guid id, ExerciseRight right)
    {
        if (Caller.From(http.User) is not { } caller)
            return Problems.Forbidden(RejectionCodes.Forbidden, "Sign in as a member of an organisation.");

        var db = http.RequestServices.GetRequiredService<PlanningDb>();
        var exercise = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, http.RequestAborted);
        if (exercise is null)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        var access = http.RequestServices.GetRequiredService<ExerciseAccess>();
        if (!await access.CanReadAsync(caller, exercise, http.RequestAborted))
            return Problems.Forbidden(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
        var refusal = right switch
        {
            ExerciseRight.Contribute when !caller.CanContribute => "Observers read the matrix; they do not change it.",
            ExerciseRight.Review when !caller.CanFacilitate => "The secretariat records the TKKSD's decisions.",
            ExerciseRight.Consolidate when !caller.CanFacilitate
                && await access.PlanningRegionOfAsync(caller, http.RequestAborted) != exercise.RegionCode =>
                "Only the secretariat and the planning agency consolidate the matrix.",
            _ => null,
        };
        return refusal is null ? null : Problems.Forbidden(RejectionCodes.Forbidden, refusal);
    }
}
