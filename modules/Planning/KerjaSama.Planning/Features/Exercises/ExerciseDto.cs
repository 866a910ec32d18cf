using KerjaSama.Planning.Exercises;

namespace KerjaSama.Planning.Features.Exercises;

internal sealed record ExerciseDto(Guid Id, string RegionCode, string Title, string PeriodKind, int StartYear, int EndYear,
    DateTimeOffset CreatedAt, long Version, IReadOnlyList<Guid> InvitedOrganisationIds)
{
    public static ExerciseDto From(MappingExercise e) =>
        new(e.Id, e.RegionCode, e.Title, e.PeriodKind.ToString().ToUpperInvariant(), e.StartYear, e.EndYear, e.CreatedAt, e.Version, e.InvitedOrganisationIds);
}
