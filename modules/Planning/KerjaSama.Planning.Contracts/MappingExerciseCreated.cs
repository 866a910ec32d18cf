using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Contracts;

/// <summary>A region started a mapping exercise for a planning period.</summary>
public sealed record MappingExerciseCreated(Guid ExerciseId, string RegionCode, string Title, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
