namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The answer to <c>DecideDuplicate</c>: the pair as it is now, or why nothing changed.</summary>
public sealed record DuplicateResult
{
    public DuplicatePair? Pair { get; init; }

    public AckError? Error { get; init; }
}
