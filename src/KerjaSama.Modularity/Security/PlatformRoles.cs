namespace KerjaSama.Modularity.Security;

/// <summary>The roles a user holds in an organisation.</summary>
public static class PlatformRoles
{
    public const string SecretariatAdmin = "secretariat_admin";
    public const string Facilitator = "facilitator";
    public const string AgencyContributor = "agency_contributor";
    public const string PartnerContributor = "partner_contributor";
    public const string Observer = "observer";

    public static readonly IReadOnlyList<string> All = [SecretariatAdmin, Facilitator, AgencyContributor, PartnerContributor, Observer];

    /// <summary>What pages show for each role (Bahasa Indonesia first).</summary>
    public static readonly IReadOnlyList<KerjaSama.SharedKernel.CodeLabel> Labels =
    [
        new(SecretariatAdmin, "Admin sekretariat", "Secretariat administrator"),
        new(Facilitator, "Fasilitator", "Facilitator"),
        new(AgencyContributor, "Kontributor perangkat daerah", "Agency contributor"),
        new(PartnerContributor, "Kontributor daerah mitra", "Partner contributor"),
        new(Observer, "Pengamat", "Observer"),
    ];

    public static bool CanFacilitate(string role) => role is SecretariatAdmin or Facilitator;

    public static bool CanContribute(string role) => role is SecretariatAdmin or Facilitator or AgencyContributor or PartnerContributor;
}
