namespace KerjaSama.SharedKernel;

/// <summary>Handles an integration event published by another module, in process.</summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>Reacts to the event. Handlers must be idempotent: an event may be delivered again after a retry.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
