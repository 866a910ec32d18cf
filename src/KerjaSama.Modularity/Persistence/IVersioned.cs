namespace KerjaSama.Modularity.Persistence;

/// <summary>
/// An entity guarded by optimistic concurrency. <see cref="ModuleDbContext"/> increments the version on every
/// update and EF Core checks the original value in the UPDATE's WHERE clause, on every provider.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
