namespace KerjaSama.Registry.Features.Affairs;

internal sealed record AffairDto(string Code, string Name, string Group, bool Cooperable, IReadOnlyList<string> Levels, int SubAffairCount);

internal sealed record SubAffairDto(string Code, string Name, IReadOnlyList<string> Levels);

internal sealed record AffairDetailDto(string Code, string Name, string Group, bool Cooperable, IReadOnlyList<string> Levels,
    IReadOnlyList<SubAffairDto> SubAffairs);
