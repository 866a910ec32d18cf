using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Registry.Organisations;

/// <summary>An agency of the host region, a partner government or a third party.</summary>
internal sealed class Organisation : IVersioned
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    /// <summary>Name normalised for uniqueness: two names that differ only in case or spacing collide.</summary>
    public string NormalizedName { get; set; } = "";

    public required string Kind { get; set; }

    public string? RegionCode { get; set; }

    public List<string> AffairCodes { get; set; } = [];

    public bool Active { get; set; } = true;

    public long Version { get; set; }
}
