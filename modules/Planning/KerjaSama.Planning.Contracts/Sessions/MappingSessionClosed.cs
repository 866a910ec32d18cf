using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts.Sessions;

/// <summary>A facilitator closed a live mapping session: nobody is present in it any more.</summary>
public sealed record MappingSessionClosed(Guid SessionId, Guid ExerciseId, DateTimeOffset OccurredAt) : IIntegrationEvent;
