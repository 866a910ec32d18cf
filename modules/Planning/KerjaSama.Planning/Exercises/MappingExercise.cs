using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Planning.Exercises;

/// <summary>A region's identification and mapping of cooperation potential for one planning period.</summary>
internal sealed class MappingExercise : IVersioned
{
    public Guid Id { get; set; }

    public required string RegionCode { get; set; }

    public required string Title { get; set; }

    public PlanningPeriodKind PeriodKind { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Organisations whose members may join the exercise's live sessions (besides the secretariat).</summary>
    public List<Guid> InvitedOrganisationIds { get; set; } = [];

    public long Version { get; set; }
}
