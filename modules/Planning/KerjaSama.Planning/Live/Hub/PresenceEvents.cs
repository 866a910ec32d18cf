using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.SharedKernel;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// Publishes who joins and leaves live sessions (for the Meetings module's attendance). Presence stays transient in
/// the grain; these events are the durable trace. A failing subscriber never breaks the hub call.
/// </summary>
internal sealed partial class PresenceEvents(IIntegrationEventPublisher events, TimeProvider clock, ILogger<PresenceEvents> logger)
{
    public Task JoinedAsync(Caller caller, Guid sessionId, Guid exerciseId, string connectionId) =>
        PublishAsync(new ParticipantJoined(sessionId, exerciseId, connectionId, caller.UserId, caller.DisplayName, caller.OrganisationId,
            caller.OrganisationName, clock.GetUtcNow()));

    public Task LeftAsync(Guid userId, Guid sessionId, Guid exerciseId, string connectionId) =>
        PublishAsync(new ParticipantLeft(sessionId, exerciseId, connectionId, userId, clock.GetUtcNow()));

    public Task ClosedAsync(Guid sessionId, Guid exerciseId) => PublishAsync(new MappingSessionClosed(sessionId, exerciseId, clock.GetUtcNow()));

    private async Task PublishAsync<T>(T integrationEvent)
        where T : IIntegrationEvent
    {
        try
        {
            await events.PublishAsync(integrationEvent, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, typeof(T).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventName} failed; the live session goes on")]
    private partial void LogPublishFailed(Exception exception, string eventName);
}
