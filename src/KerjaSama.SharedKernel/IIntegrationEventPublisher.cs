namespace KerjaSama.SharedKernel;

/// <summary>Publishes integration events to the handlers of every module in this host.</summary>
public interface IIntegrationEventPublisher
{
    /// <summary>Delivers the event to each registered handler, each in its own service scope.</summary>
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}
