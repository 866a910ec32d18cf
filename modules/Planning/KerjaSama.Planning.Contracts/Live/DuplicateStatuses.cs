namespace KerjaSama.Planning.Contracts.Live;

public static class DuplicateStatuses
{
    public const string Open = "open";

    /// <summary>Related: the two rows stay two rows.</summary>
    public const string Linked = "linked";

    /// <summary>"Bukan duplikat": not flagged again.</summary>
    public const string Dismissed = "dismissed";

    /// <summary>An author asks the secretariat to merge the rows (consolidation merges).</summary>
    public const string MergeProposed = "merge_proposed";

    public const string Merged = "merged";
}
