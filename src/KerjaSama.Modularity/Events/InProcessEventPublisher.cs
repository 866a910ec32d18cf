using KerjaSama.SharedKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Modularity.Events;

/// <summary>
/// Delivers integration events to the handlers of every module in this host, one service scope per handler so
/// that a handler's DbContext is its own. A failing handler is logged and rethrown after the others ran.
/// </summary>
internal sealed partial class InProcessEventPublisher(IServiceScopeFactory scopes, ILogger<InProcessEventPublisher> logger)
    : IIntegrationEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        List<Exception>? failures = null;
        await using var probe = scopes.CreateAsyncScope();
        var handlerCount = probe.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>().Count();
        for (var i = 0; i < handlerCount; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>().ElementAt(i);
            try
            {
                await handler.HandleAsync(integrationEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(ex, typeof(TEvent).Name, handler.GetType().Name);
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} handler(s) of {typeof(TEvent).Name} failed.", failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integration event {EventName} failed in handler {Handler}")]
    private partial void LogHandlerFailed(Exception exception, string eventName, string handler);
}
