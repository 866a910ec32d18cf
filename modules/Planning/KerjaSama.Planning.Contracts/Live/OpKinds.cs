namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The kinds of matrix operation.</summary>
public static class OpKinds
{
    public const string Add = "row.add";
    public const string Update = "row.update";
    public const string Remove = "row.remove";
}
