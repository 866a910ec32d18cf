using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Features.Exports;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KerjaSama.Planning.Features.Dashboard;

/// <summary>An exercise at a glance: rows by status, affair, type and partner; indicative budget per year; gaps in planning codes.</summary>
internal static class DashboardEndpoints
{
    internal sealed record Count(string Key, string Label, int Rows);

    internal sealed record YearBudget(int Year, long Budget, int Rows);

    internal sealed record MissingCodes(Guid RowId, string? AffairCode, string? Potential, string Status, IReadOnlyList<string> Missing);

    internal sealed record Dashboard(Guid ExerciseId, int Rows, int MergedRows, IReadOnlyList<Count> ByStatus, IReadOnlyList<Count> ByAffair,
        IReadOnlyList<Count> ByType, IReadOnlyList<Count> ByPartner, IReadOnlyList<YearBudget> BudgetByYear, long TotalBudget,
        IReadOnlyList<MissingCodes> AcceptedWithoutCodes, int OpenQuestions, int DprdSuggested);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/exercises/{id:guid}/dashboard", Get).WithTags("Planning: consolidation and lifecycle").RequireAuthorization(Policies.Member)
            .WithName("GetExerciseDashboard").RequireExercise(ExerciseRight.Read);

    private static async Task<IResult> Get(Guid id, HttpContext http, PlanningDb db, IGrainFactory grains, TimeProvider clock, CancellationToken ct)
    {
        var (exercise, rows, names, problem) = await ExportEndpoints.LoadAsync(id, Caller.From(http.User)!, db, grains, http.RequestServices, ct);
        if (problem is not null)
            return problem;
        var merged = (await RegisterCalls.RowsAsync(db, id, includeMerged: true, ct)).Count - rows.Count;
        return TypedResults.Ok(Build(exercise!, rows, names!, merged, clock.GetUtcNow().Year));
    }

    public static Dashboard Build(MappingExercise exercise, List<RowView> rows, MatrixNames names, int merged, int budgetYear)
    {
        var byStatus = rows.GroupBy(r => r.Status).OrderBy(g => Contracts.RowStatuses.All.ToList().IndexOf(g.Key))
            .Select(g => new Count(g.Key, Labels.Status(g.Key), g.Count())).ToList();
        var byAffair = rows.GroupBy(r => r.AffairCode ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Key.Length == 0 ? "(tanpa urusan)" : names.Affair(g.Key), g.Count())).ToList();
        var byType = rows.GroupBy(r => r.CooperationType ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Key.Length == 0 ? "(belum ditentukan)" : Labels.CooperationType(g.Key), g.Count())).ToList();
        var byPartner = rows.SelectMany(r => r.PartnerRegionCodes.Select(c => (Key: c, Label: names.Partners(new RowView { PartnerRegionCodes = [c] })))
                .Concat(r.PartnerOrganisationIds.Select(o => (Key: o.ToString(), Label: names.Organisation(o)))).Distinct())
            .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => new Count(g.Key.Key, g.Key.Label, g.Count())).ToList();
        var years = Enumerable.Range(exercise.StartYear, exercise.EndYear - exercise.StartYear + 1);
        var budget = years.Select(y => new YearBudget(y, rows.Sum(r => r.PlanFor(y)?.Budget ?? 0), rows.Count(r => r.PlanFor(y)?.Budget > 0))).ToList();
        var missing = rows.Where(r => r.ReviewDecision == "accept" && r.LacksPlanningCodes && r.Status is not (Contracts.RowStatuses.Rejected or Contracts.RowStatuses.Postponed))
            .Select(r => new MissingCodes(r.RowId, r.AffairCode, r.Potential, r.Status, [.. new[]
            {
                r.ProgramCode is null ? "programCode" : null, r.ActivityCode is null ? "activityCode" : null, r.SubActivityCode is null ? "subActivityCode" : null,
            }.OfType<string>()])).ToList();
        return new Dashboard(exercise.Id, rows.Count, merged, byStatus, byAffair, byType, byPartner, budget, budget.Sum(b => b.Budget), missing,
            rows.Count(r => r.Question is not null && r.Answer is null), rows.Count(r => r.DprdSuggested(budgetYear)));
    }
}
