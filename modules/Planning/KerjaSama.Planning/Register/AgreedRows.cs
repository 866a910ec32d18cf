using KerjaSama.Planning.Consolidation;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Contracts.Register;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Register;

/// <summary>The stored rows the consolidation keeps, with the Registry's names (as the exports print them).</summary>
internal sealed class AgreedRows(IDbContextFactory<PlanningDb> factory, IAffairCatalog affairs, IRegionDirectory regions, INomenclatureCatalog nomenclature,
    IOrganisationDirectory organisations) : IAgreedRows
{
    public async Task<IReadOnlyList<AgreedRowInfo>> ListAgreedAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == exerciseId, cancellationToken) is not { } exercise)
            return [];
        var rows = (await RegisterCalls.RowsAsync(db, exerciseId, includeMerged: false, cancellationToken))
            .Where(r => r.Status is not (RowStatuses.Rejected or RowStatuses.Postponed) && r.ReviewDecision is not ("reject" or "postpone"))
            .OrderBy(r => r.AffairCode ?? "~", StringComparer.Ordinal).ThenBy(r => r.CreatedSeq)
            .ToList();
        var names = await MatrixNames.LoadAsync(rows, exercise.RegionCode, affairs, regions, nomenclature, organisations, cancellationToken);
        return [.. rows.Select(r => new AgreedRowInfo(r.RowId, r.AffairCode, names.Affair(r.AffairCode), r.Potential, r.Object, r.CooperationType,
            names.Partners(r), names.Agency(r), Labels.Status(r.Status)))];
    }
}
