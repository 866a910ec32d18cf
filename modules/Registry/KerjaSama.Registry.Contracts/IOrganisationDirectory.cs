namespace KerjaSama.Registry.Contracts;

/// <summary>Organisation look-ups for other modules: agencies, partner governments and third parties.</summary>
public interface IOrganisationDirectory
{
    /// <summary>The organisation with that id, or null.</summary>
    Task<OrganisationInfo?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The organisation with that code (e.g. <c>62-dinkes</c>, <c>pemda-62.71</c>), or null.</summary>
    Task<OrganisationInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The organisations with those ids that exist (missing ids are left out).</summary>
    Task<IReadOnlyList<OrganisationInfo>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Active organisations whose code or name contains <paramref name="term"/> (all when empty), by name, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<OrganisationInfo>> SearchAsync(string? term, int take, CancellationToken cancellationToken);
}
