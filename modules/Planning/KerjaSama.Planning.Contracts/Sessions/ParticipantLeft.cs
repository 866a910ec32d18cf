using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>A person's connection left a live mapping session (explicit leave or disconnect).</summary>
public sealed record ParticipantLeft(Guid SessionId, Guid ExerciseId, string ConnectionId, Guid UserId, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
