namespace KerjaSama.Planning.Contracts.Live;

/// <summary>What a note on a row is.</summary>
public static class CommentKinds
{
    public const string Comment = "comment";
    public const string Question = "question";
}
