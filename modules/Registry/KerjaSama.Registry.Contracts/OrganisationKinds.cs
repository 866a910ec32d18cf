namespace KerjaSama.Registry.Contracts;

/// <summary>The kinds of organisation the Registry knows.</summary>
public static class OrganisationKinds
{
    /// <summary>A perangkat daerah (OPD) of the host region: dinas, badan, biro.</summary>
    public const string Agency = "agency";

    /// <summary>The government of a province, kabupaten or kota: a potential partner region.</summary>
    public const string Government = "government";

    /// <summary>A business, including BUMN/BUMD.</summary>
    public const string Business = "business";

    public const string University = "university";

    public const string Ngo = "ngo";

    public const string Individual = "individual";

    public static readonly IReadOnlyList<string> All = [Agency, Government, Business, University, Ngo, Individual];

    /// <summary>Kinds that are third parties (pihak ketiga) in a KSDPK cooperation.</summary>
    public static readonly IReadOnlyList<string> ThirdParties = [Business, University, Ngo, Individual];
}
