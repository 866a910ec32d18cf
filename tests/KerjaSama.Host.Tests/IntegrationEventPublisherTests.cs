using KerjaSama.Modularity.Events;
using KerjaSama.SharedKernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KerjaSama.Host.Tests;

public sealed class IntegrationEventPublisherTests
{
    private sealed record SomethingHappened(string What, DateTimeOffset OccurredAt) : IIntegrationEvent;

    private sealed class Journal
    {
        public List<(string Handler, string What, int Scope)> Entries { get; } = [];
    }

    private sealed class ScopeMarker
    {
        public int Id { get; } = Random.Shared.Next();
    }

    private sealed class Recorder(Journal journal, ScopeMarker scope) : IIntegrationEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct)
        {
            journal.Entries.Add(("recorder", e.What, scope.Id));
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IIntegrationEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct) => throw new InvalidOperationException("boom");
    }

    private sealed class SecondRecorder(Journal journal, ScopeMarker scope) : IIntegrationEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct)
        {
            journal.Entries.Add(("second", e.What, scope.Id));
            return Task.CompletedTask;
        }
    }

    private static ServiceProvider Build(Action<IServiceCollection> handlers)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<Journal>();
        services.AddScoped<ScopeMarker>();
        handlers(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Every_handler_receives_the_event_in_its_own_scope()
    {
        await using var provider = Build(s => s
            .AddIntegrationEventHandler<SomethingHappened, Recorder>()
            .AddIntegrationEventHandler<SomethingHappened, SecondRecorder>());
        await provider.GetRequiredService<IIntegrationEventPublisher>().PublishAsync(new SomethingHappened("rapat dijadwalkan", DateTimeOffset.UnixEpoch));

        var entries = provider.GetRequiredService<Journal>().Entries;
        Assert.Equal(["recorder", "second"], entries.Select(e => e.Handler));
        Assert.All(entries, e => Assert.Equal("rapat dijadwalkan", e.What));
        Assert.NotEqual(entries[0].Scope, entries[1].Scope);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_others_and_the_failure_is_reported()
    {
        await using var provider = Build(s => s
            .AddIntegrationEventHandler<SomethingHappened, Failing>()
            .AddIntegrationEventHandler<SomethingHappened, Recorder>());
        var publish = provider.GetRequiredService<IIntegrationEventPublisher>().PublishAsync(new SomethingHappened("x", DateTimeOffset.UnixEpoch));

        var failure = await Assert.ThrowsAsync<AggregateException>(() => publish);
        Assert.IsType<InvalidOperationException>(Assert.Single(failure.InnerExceptions));
        Assert.Single(provider.GetRequiredService<Journal>().Entries);
    }
}
