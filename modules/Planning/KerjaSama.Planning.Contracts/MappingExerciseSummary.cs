namespace KerjaSama.Planning.Contracts;

/// <summary>What other modules need to know about a mapping exercise.</summary>
public sealed record MappingExerciseSummary(Guid Id, string RegionCode, string Title, string PeriodKind, int StartYear, int EndYear);
