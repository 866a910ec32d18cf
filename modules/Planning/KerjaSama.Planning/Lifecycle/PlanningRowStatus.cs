using System.Text.Json;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Lifecycle;

/// <summary>Status changes asked by other modules, through the matrix grain's register path (authority "module").</summary>
internal sealed class PlanningRowStatus(IDbContextFactory<PlanningDb> factory, IGrainFactory grains) : IPlanningRowStatus
{
    public async Task<RowStatusChange> ChangeStatusAsync(Guid rowId, string newStatus, string reason, PlanningActor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var exerciseId = await db.Rows.AsNoTracking().Where(r => r.Id == rowId && !r.Removed).Select(r => (Guid?)r.ExerciseId).FirstOrDefaultAsync(cancellationToken);
        if (exerciseId is null)
            return new RowStatusChange(false, 0, RejectionCodes.UnknownRow, $"No matrix row {rowId}.");
        var caller = new Caller(actor.UserId, actor.DisplayName, actor.OrganisationId, actor.OrganisationName, PlatformRoles.Observer);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [F.Status] = JsonSerializer.Serialize(newStatus), [F.StatusReason] = string.IsNullOrWhiteSpace(reason) ? null : JsonSerializer.Serialize(reason.Trim()),
        };
        var result = await grains.GetGrain<IMatrixGrain>(exerciseId.Value).ApplyRegister(caller,
            new RegisterBatch(RegisterAuthorities.Module, [new RegisterOp(Guid.NewGuid(), Contracts.Live.OpKinds.Update, rowId, fields)]));
        return result.Applied
            ? new RowStatusChange(true, result.Seqs[0], null, null)
            : new RowStatusChange(false, 0, result.Errors[0].Error.Code, result.Errors[0].Error.Message);
    }

    public async Task<string?> GetStatusAsync(Guid rowId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Rows.AsNoTracking().Where(r => r.Id == rowId && !r.Removed).Select(r => new { r.Status }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : row.Status ?? RowStatuses.Proposed;
    }
}
