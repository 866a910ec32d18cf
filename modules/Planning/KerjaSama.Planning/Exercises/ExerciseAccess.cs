using KerjaSama.Modularity.Security;
using KerjaSama.Registry.Contracts;

namespace KerjaSama.Planning.Exercises;

/// <summary>
/// The one rule for who may read a mapping exercise and its matrix (REST, pages, exports, the hub): facilitators and
/// the secretariat, members of an invited organisation, and the region's planning agency (docs/security.md).
/// </summary>
internal sealed class ExerciseAccess(IOrganisationDirectory organisations)
{
    /// <summary>The supporting affair 5.01 Perencanaan marks the planning agency (Bapperida/Bappeda) in the Registry.</summary>
    public const string PlanningAffairCode = "5.01";

    public async Task<bool> CanReadAsync(Caller caller, MappingExercise exercise, CancellationToken ct) =>
        caller.CanFacilitate || exercise.InvitedOrganisationIds.Contains(caller.OrganisationId)
        || (await PlanningRegionOfAsync(caller, ct)) == exercise.RegionCode;

    /// <summary>The region whose exercises the caller reads as its planning agency, or null when it is none.</summary>
    public async Task<string?> PlanningRegionOfAsync(Caller caller, CancellationToken ct) =>
        caller.CanContribute && await organisations.FindAsync(caller.OrganisationId, ct) is { } organisation
        && IsPlanningAgency(organisation) ? organisation.RegionCode : null;

    /// <summary>The exercises the caller may read, as a query (lists page through it).</summary>
    public async Task<IQueryable<MappingExercise>> ReadableAsync(IQueryable<MappingExercise> exercises, Caller caller, CancellationToken ct)
    {
        if (caller.CanFacilitate)
            return exercises;
        var organisation = caller.OrganisationId;
        var planningRegion = await PlanningRegionOfAsync(caller, ct);
        return exercises.Where(e => e.InvitedOrganisationIds.Contains(organisation) || (planningRegion != null && e.RegionCode == planningRegion));
    }

    public static bool IsPlanningAgency(OrganisationInfo organisation) =>
        organisation is { Active: true, Kind: OrganisationKinds.Agency } && organisation.AffairCodes.Contains(PlanningAffairCode);
}
