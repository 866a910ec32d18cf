namespace KerjaSama.Planning.Contracts.Live;

/// <summary>What an author or a facilitator decides about a pair (<c>DecideDuplicate</c>); merging is consolidation's.</summary>
public static class DuplicateDecisions
{
    public const string Link = "link";
    public const string Dismiss = "dismiss";
    public const string ProposeMerge = "propose_merge";

    /// <summary>Back to open (facilitators, or the author who decided).</summary>
    public const string Reopen = "reopen";
}
