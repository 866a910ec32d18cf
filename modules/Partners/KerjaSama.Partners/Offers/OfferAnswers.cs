namespace KerjaSama.Partners.Offers;

internal static class OfferAnswers
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string ChangesProposed = "changes_proposed";

    public static readonly IReadOnlySet<string> Answers = new HashSet<string>([Accepted, Declined, ChangesProposed], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Forms =
        new HashSet<string>(["pelayanan_publik", "pengelolaan_aset", "penanaman_modal", "lainnya"], StringComparer.Ordinal);
}
