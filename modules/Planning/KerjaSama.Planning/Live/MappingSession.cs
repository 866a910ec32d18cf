namespace KerjaSama.Planning.Live;

/// <summary>A period in which an exercise's matrix is open for live editing; at most one is not closed.</summary>
internal sealed class MappingSession
{
    public Guid Id { get; set; }

    public Guid ExerciseId { get; set; }

    public required string State { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public Guid OpenedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
