namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The states of a vote round.</summary>
public static class VoteStates
{
    public const string Open = "open";
    public const string Closed = "closed";
}
