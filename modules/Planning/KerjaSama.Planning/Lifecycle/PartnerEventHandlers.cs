using KerjaSama.Partners.Contracts;
using KerjaSama.Planning.Contracts;
using KerjaSama.SharedKernel;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Planning.Lifecycle;

/// <summary>
/// The row's status follows the Partners module: an offer sent moves it to <c>ditawarkan</c>, a signed KB to
/// <c>kb_ditandatangani</c>, a signed PKS to <c>pks_ditandatangani</c>. Each change goes through
/// <see cref="IPlanningRowStatus"/> (the matrix grain), so it is checked against the lifecycle and lands in the op log.
/// Idempotent: a row already at (or past) the target status is left alone; a refused transition is logged, not thrown,
/// because the agreement itself is already stored.
/// </summary>
internal sealed partial class PartnerEventHandlers(IPlanningRowStatus rows, ILogger<PartnerEventHandlers> logger)
    : IIntegrationEventHandler<OfferSent>, IIntegrationEventHandler<AgreementSigned>
{
    private static readonly string[] Order =
    [
        RowStatuses.Offered, RowStatuses.JointAgreementSigned, RowStatuses.DprdApproved, RowStatuses.AgreementSigned,
        RowStatuses.Running, RowStatuses.Ended, RowStatuses.Extended, RowStatuses.Stopped,
    ];

    public Task HandleAsync(OfferSent integrationEvent, CancellationToken cancellationToken) =>
        MoveAsync(integrationEvent.RowId, RowStatuses.Offered, $"Surat penawaran {integrationEvent.OfferId:N} ({integrationEvent.LetterDate:yyyy-MM-dd})",
            integrationEvent.ActorUserId, cancellationToken);

    public Task HandleAsync(AgreementSigned integrationEvent, CancellationToken cancellationToken)
    {
        var target = integrationEvent.Kind switch
        {
            "KB" => RowStatuses.JointAgreementSigned,
            "PKS" => RowStatuses.AgreementSigned,
            _ => null,
        };
        return integrationEvent.RowId is { } rowId && target is not null
            ? MoveAsync(rowId, target, $"{integrationEvent.Kind} ditandatangani {integrationEvent.SignedOn:yyyy-MM-dd}", integrationEvent.ActorUserId, cancellationToken)
            : Task.CompletedTask;
    }

    private async Task MoveAsync(Guid rowId, string target, string reason, Guid actorUserId, CancellationToken cancellationToken)
    {
        var current = await rows.GetStatusAsync(rowId, cancellationToken);
        if (current is null || Array.IndexOf(Order, current) >= Array.IndexOf(Order, target))
            return;
        var actor = new PlanningActor(actorUserId, "Modul Kemitraan", Guid.Empty, "Partners");
        var change = await rows.ChangeStatusAsync(rowId, target, reason, actor, cancellationToken);
        if (!change.Changed)
            LogRefused(logger, rowId, current, target, change.ErrorCode, change.Error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Row {RowId} stays {Current}: the move to {Target} was refused ({Code}: {Reason}).")]
    private static partial void LogRefused(ILogger logger, Guid rowId, string current, string target, string? code, string? reason);
}
