namespace KerjaSama.Registry.Persistence;

/// <summary>Which version (content hash) of a seed file was applied, so a changed file is applied again.</summary>
internal sealed class SeedRecord
{
    public required string Name { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
