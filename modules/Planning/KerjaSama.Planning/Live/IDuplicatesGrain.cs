using KerjaSama.Modularity.Security;
using Orleans.Concurrency;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The duplicate pairs of one mapping exercise (key: the exercise id): rows of one affair whose potential or object
/// resemble each other (<see cref="IndonesianSimilarity"/>). Fed after commits by the hosts' fan-out, never on the
/// commit path; reads catch up with the matrix themselves.
/// </summary>
[Alias("KerjaSama.Planning.IDuplicatesGrain")]
internal interface IDuplicatesGrain : IGrainWithGuidKey
{
    /// <summary>The matrix applied ops up to <paramref name="seq"/>: compare the rows that changed.</summary>
    [OneWay, Alias("Changed")]
    Task Changed(long seq);

    [Alias("List")]
    Task<List<PairMessage>> List();

    [Alias("FindSimilar")]
    Task<List<SimilarMessage>> FindSimilar(string affairCode, string text);

    [Alias("Decide")]
    Task<PairOutcome> Decide(Caller caller, Guid pairId, string decision);

    /// <summary>After consolidation merged the pair's rows.</summary>
    [Alias("Merged")]
    Task<PairOutcome> Merged(Caller caller, Guid pairId);
}
