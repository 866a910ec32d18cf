using System.Text.Json;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Contracts.Register;
using KerjaSama.Planning.Lifecycle;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Register;

/// <summary>Reads the stored rows (what the matrix grain last committed), never a live grain.</summary>
internal sealed class PlanningRows(IDbContextFactory<PlanningDb> factory) : IPlanningRows
{
    public async Task<PlanningRowInfo?> FindAsync(Guid rowId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Rows.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rowId && !r.Removed, cancellationToken);
        if (row is null)
            return null;
        using var values = JsonDocument.Parse(row.ValuesJson);
        var root = values.RootElement;
        string? Text(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Guid? agency = Guid.TryParse(Text(F.ResponsibleAgencyId), out var id) ? id : null;
        var status = row.Status ?? Text(F.Status) ?? StatusLifecycle.Initial;
        var canBeOffered = status == RowStatuses.Offered || StatusLifecycle.IsAllowed(status, RowStatuses.Offered, postponedFrom: null);
        return new PlanningRowInfo(row.Id, row.ExerciseId, row.AffairCode ?? Text(F.AffairCode), Text(F.CooperationObject),
            status, agency, row.CooperationType ?? Text(F.CooperationType), canBeOffered);
    }
}
