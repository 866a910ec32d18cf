namespace KerjaSama.Planning.Contracts.Live;

public static class AckOutcomes
{
    public const string Applied = "applied";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
}
