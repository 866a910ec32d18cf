using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>
/// A person joined a live mapping session over one connection (published by the host that holds the connection).
/// <paramref name="ConnectionId"/> pairs it with the matching <see cref="ParticipantLeft"/>.
/// </summary>
public sealed record ParticipantJoined(Guid SessionId, Guid ExerciseId, string ConnectionId, Guid UserId, string DisplayName,
    Guid OrganisationId, string OrganisationName, DateTimeOffset OccurredAt) : IIntegrationEvent;
