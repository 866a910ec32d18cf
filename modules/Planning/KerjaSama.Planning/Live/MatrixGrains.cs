using System.Collections.Concurrent;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The host's references to the matrix and duplicates grains, kept per exercise. <c>GetGrain</c> resolves the grain
/// interface type by reflection on every call (attribute reads and type-name parsing, about 3% of the allocations per
/// live edit in the profile of build/bench.sh); a reference never changes, so the hot paths (submit, fan-out) ask here.
/// Bounded: past <see cref="Capacity"/> exercises the cache starts again, which costs one lookup each.
/// </summary>
internal sealed class MatrixGrains(IGrainFactory grains)
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<Guid, (IMatrixGrain Matrix, IDuplicatesGrain Duplicates)> _references = new();

    public IMatrixGrain Matrix(Guid exerciseId) => Get(exerciseId).Matrix;

    public IDuplicatesGrain Duplicates(Guid exerciseId) => Get(exerciseId).Duplicates;

    private (IMatrixGrain Matrix, IDuplicatesGrain Duplicates) Get(Guid exerciseId)
    {
        if (_references.TryGetValue(exerciseId, out var found))
            return found;
        if (_references.Count >= Capacity)
            _references.Clear();
        return _references.GetOrAdd(exerciseId, id => (grains.GetGrain<IMatrixGrain>(id), grains.GetGrain<IDuplicatesGrain>(id)));
    }
}
