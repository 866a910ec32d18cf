namespace KerjaSama.Planning.Board;

/// <summary>What the board reads from the Registry's public API for its pickers and labels.</summary>
public sealed record AffairItem(string Code, string Name, bool Cooperable, IReadOnlyList<string> Levels);

public sealed record OrganisationItem(Guid Id, string Code, string Name, string? ShortName, string Kind, string? RegionCode,
    IReadOnlyList<string> AffairCodes, bool Active)
{
    public string Label => ShortName is { Length: > 0 } s ? s : Name;
}

public sealed record RegionItem(string Code, string Type, string Name);

public sealed record PageOf<T>(List<T> Items, int Page, int PageSize, int Total);

/// <summary>A rejected edit kept for its author to see (also after a reload while it was queued).</summary>
public sealed record RejectedEdit(Guid OpId, Guid RowId, string? Field, string Code, string Message, bool WasQueued);

/// <summary>Someone else's edit that replaced a newer value of this user.</summary>
public sealed record OverwriteNotice(Guid Id, string By, string OrganisationName, Guid RowId, string Field, string YourValue, string TheirValue);

/// <summary>What the board keeps in localStorage per session and user: unsent edits and rejections not yet dismissed.</summary>
public sealed class StoredBoard
{
    public List<Contracts.Live.SubmitOp> Queue { get; set; } = [];

    public List<RejectedEdit> Rejected { get; set; } = [];
}
