namespace KerjaSama.Planning.Sync;

/// <summary>An edit the server refused for good (kept until its author dismisses it).</summary>
public sealed record RejectedEdit(Guid OpId, Guid RowId, string? Field, string Code, string Message, bool WasQueued, object? Value);
