namespace KerjaSama.Planning.Sync;

/// <summary>Someone else wrote a field whose previous value was this user's.</summary>
public sealed record OverwriteNotice(int Id, string By, string OrganisationName, Guid RowId, string Field, object? Yours, object? Theirs);
