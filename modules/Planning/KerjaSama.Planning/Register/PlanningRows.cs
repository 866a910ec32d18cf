using System.Text.Json;
using KerjaSama.Planning.Contracts.Register;
using KerjaSama.Planning.Lifecycle;
using KerjaSama.Planning.Live;
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
        return row is null ? null : ToInfo(row);
    }

    public async Task<IReadOnlyList<PlanningRowInfo>> ListOfferableAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var statuses = StatusLifecycle.Offerable.ToArray();
        var rows = await db.Rows.AsNoTracking()
            .Where(r => !r.Removed && r.Status != null && statuses.Contains(r.Status))
            .OrderBy(r => r.AffairCode).ThenBy(r => r.Id)
            .Take(Math.Clamp(max, 1, 1000))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToInfo)];
    }

    private static PlanningRowInfo ToInfo(MatrixRow row)
    {
        using var values = JsonDocument.Parse(row.ValuesJson);
        var root = values.RootElement;
        string? Text(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Guid? agency = Guid.TryParse(Text(F.ResponsibleAgencyId), out var id) ? id : null;
        var status = row.Status ?? Text(F.Status) ?? StatusLifecycle.Initial;
        return new PlanningRowInfo(row.Id, row.ExerciseId, row.AffairCode ?? Text(F.AffairCode), Text(F.CooperationObject),
            status, agency, row.CooperationType ?? Text(F.CooperationType), StatusLifecycle.Offerable.Contains(status));
    }
}
