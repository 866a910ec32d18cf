namespace KerjaSama.Planning.Contracts;

/// <summary>Read access to mapping exercises for other modules.</summary>
public interface IMappingExerciseDirectory
{
    /// <summary>The exercise, or null when there is none with that id.</summary>
    Task<MappingExerciseSummary?> FindAsync(Guid exerciseId, CancellationToken cancellationToken);
}
