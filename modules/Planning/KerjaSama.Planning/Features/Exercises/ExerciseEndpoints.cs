using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Persistence;
using KerjaSama.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Features.Exercises;

internal static class ExerciseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exercises").WithTags("Planning: mapping exercises").RequireAuthorization(Modularity.Security.Policies.Member);
        group.MapGet("/", List).WithName("ListExercises");
        group.MapGet("/{id:guid}", Get).WithName("GetExercise");
        group.MapPost("/", CreateExercise.Handle).WithName("CreateExercise").RequireAuthorization(Modularity.Security.Policies.Secretariat);
        group.MapPut("/{id:guid}", UpdateExercise.Handle).WithName("UpdateExercise").RequireAuthorization(Modularity.Security.Policies.Secretariat);
        group.MapPut("/{id:guid}/invitations", ExerciseInvitations.Update).WithName("UpdateExerciseInvitations")
            .RequireAuthorization(Modularity.Security.Policies.Secretariat);
    }

    private static async Task<Ok<PagedResult<ExerciseDto>>> List(PlanningDb db, ExerciseAccess access, HttpContext http, string? region,
        string? q, string? periodKind, int? year, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Filter(await access.ReadableAsync(db.Exercises.AsNoTracking(), Caller.From(http.User)!, ct), region, q, periodKind, year);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.StartYear).ThenBy(e => e.Title)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ExerciseDto>([.. items.Select(ExerciseDto.From)], page, pageSize, total));
    }

    /// <summary>The list's filters (API and page): region, words of the title, RPJMD/RKPD, a year the period covers.</summary>
    public static IQueryable<MappingExercise> Filter(IQueryable<MappingExercise> query, string? region, string? q, string? periodKind, int? year)
    {
        if (!string.IsNullOrWhiteSpace(region))
            query = query.Where(e => e.RegionCode == region.Trim());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower(); the StringComparison overloads are not translated to SQL.
            query = query.Where(e => e.Title.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        if (Enum.TryParse<PlanningPeriodKind>(periodKind, true, out var kind) && Enum.IsDefined(kind))
            query = query.Where(e => e.PeriodKind == kind);
        if (year is { } y)
            query = query.Where(e => e.StartYear <= y && e.EndYear >= y);
        return query;
    }

    private static async Task<Results<Ok<ExerciseDto>, ProblemHttpResult>> Get(Guid id, PlanningDb db, ExerciseAccess access, HttpContext http,
        CancellationToken ct)
    {
        if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
            return Problems.NotFound("exercise_not_found", $"No mapping exercise has the id {id}.");
        return await access.CanReadAsync(Caller.From(http.User)!, e, ct)
            ? TypedResults.Ok(ExerciseDto.From(e))
            : Problems.Forbidden(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
    }
}
