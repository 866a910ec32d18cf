namespace KerjaSama.Planning.Exports;

/// <summary>Bahasa Indonesia labels of the codes the exports print.</summary>
internal static class Labels
{
    public static string Form(string? form) => form switch
    {
        "pelayanan_publik" => "Penyediaan pelayanan publik",
        "pengelolaan_aset" => "Pengelolaan aset",
        "penanaman_modal" => "Penanaman modal",
        "lainnya" => "Lainnya",
        _ => form ?? "",
    };

    public static string Status(string status) => status switch
    {
        "diusulkan" => "Diusulkan",
        "diverifikasi" => "Diverifikasi",
        "dibahas_tkksd" => "Dibahas TKKSD",
        "ditetapkan" => "Ditetapkan",
        "terintegrasi_rpjmd_rkpd" => "Terintegrasi RPJMD/RKPD",
        "ditawarkan" => "Ditawarkan",
        "kb_ditandatangani" => "KB ditandatangani",
        "persetujuan_dprd" => "Persetujuan DPRD",
        "pks_ditandatangani" => "PKS ditandatangani",
        "berjalan" => "Berjalan",
        "berakhir" => "Berakhir",
        "diperpanjang" => "Diperpanjang",
        "dihentikan" => "Dihentikan",
        "ditolak" => "Ditolak",
        "ditunda" => "Ditunda",
        _ => status,
    };

    public static string YesNo(bool? value) => value switch
    {
        true => "Ya",
        false => "Tidak",
        null => "",
    };
}
