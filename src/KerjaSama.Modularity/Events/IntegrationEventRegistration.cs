using KerjaSama.SharedKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KerjaSama.Modularity.Events;

public static class IntegrationEventRegistration
{
    /// <summary>Adds the in-process publisher (once) used by every module.</summary>
    public static IServiceCollection AddIntegrationEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IIntegrationEventPublisher, InProcessEventPublisher>();
        return services;
    }

    /// <summary>Subscribes a module's handler to another module's event.</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddIntegrationEvents();
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        return services;
    }
}
