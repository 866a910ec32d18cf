using KerjaSama.SharedKernel;

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

    /// <summary>A ministry or central government body (kementerian/lembaga): the partner of a Sinergi cooperation.</summary>
    public const string Ministry = "ministry";

    /// <summary>A foreign local government or institution (pemerintah daerah/lembaga luar negeri): the partner of a KSDPL.</summary>
    public const string Foreign = "foreign";

    public static readonly IReadOnlyList<string> All = [Agency, Government, Business, University, Ngo, Individual, Ministry, Foreign];

    /// <summary>Kinds that are third parties (pihak ketiga) in a KSDPK cooperation.</summary>
    public static readonly IReadOnlyList<string> ThirdParties = [Business, University, Ngo, Individual];

    /// <summary>What each kind is called on pages and in documents: the one label source of this vocabulary.</summary>
    public static readonly IReadOnlyList<CodeLabel> Labels =
    [
        new(Agency, "Perangkat daerah", "Regional agency"),
        new(Government, "Pemerintah daerah", "Regional government"),
        new(Business, "Badan usaha (termasuk BUMN/BUMD)", "Business (incl. BUMN/BUMD)"),
        new(University, "Perguruan tinggi", "University"),
        new(Ngo, "Organisasi kemasyarakatan", "NGO"),
        new(Individual, "Perorangan", "Individual"),
        new(Ministry, "Kementerian/lembaga pemerintah pusat", "Ministry or central government body"),
        new(Foreign, "Pemerintah daerah/lembaga luar negeri", "Foreign local government or body"),
    ];
}
