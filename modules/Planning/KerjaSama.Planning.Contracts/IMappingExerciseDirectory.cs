namespace KerjaSama.Planning.Contracts;

/// <summary>Read access to mapping exercises for other modules.</summary>
public interface IMappingExerciseDirectory
{
    /// <summary>The exercise, or null when there is none with that id.</summary>
    Task<MappingExerciseSummary?> FindAsync(Guid exerciseId, CancellationToken cancellationToken);

    /// <summary>
    /// The exercises of a region and of its regencies (<c>62</c> also gives <c>62.01</c>), or of every region when
    /// <paramref name="regionCode"/> is null; newest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<MappingExerciseSummary>> OfRegionAsync(string? regionCode, int limit, CancellationToken cancellationToken);
}
