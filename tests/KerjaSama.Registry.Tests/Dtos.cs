namespace KerjaSama.Registry.Tests;

public sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int Total);

public sealed record RegionRow(string Code, string Type, string Name, string? ParentCode, string? BpsCode, List<string> Aliases);

public sealed record AffairRow(string Code, string Name, string Group, bool Cooperable, List<string> Levels, int SubAffairCount);

public sealed record SubAffairRow(string Code, string Name, List<string> Levels);

public sealed record AffairDetail(string Code, string Name, string Group, bool Cooperable, List<string> Levels, List<SubAffairRow> SubAffairs);

public sealed record NomenclatureRow(string Code, string Level, string Name, string? Output, string? Indicator, string? Unit, bool IsSample);

public sealed record OrganisationRow(Guid Id, string Code, string Name, string? ShortName, string Kind, string? RegionCode,
    List<string> AffairCodes, bool Active, long Version);

public sealed record ImportSummaryRow(int Rows, int Created, int Updated);

internal static class Unique
{
    /// <summary>A short token no other test uses: letters and digits only, so it survives name normalisation.</summary>
    public static string Token() => Guid.NewGuid().ToString("N")[..10];
}
