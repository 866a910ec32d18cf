using System.Globalization;
using System.Text;
using KerjaSama.Registry.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// The planning codes (programme, kegiatan, sub kegiatan) of a set of rows as the Registry knows them: their names, for
/// search by words, and which are retired (a newer nomenclature edition dropped them): such rows keep their value and
/// are flagged for review.
/// </summary>
internal sealed class RowCodes
{
    private readonly Dictionary<string, NomenclatureInfo> _known;

    private RowCodes(Dictionary<string, NomenclatureInfo> known) => _known = known;

    /// <summary>The codes as the exercise's government level knows them (a series 3–8 code names another kegiatan at the other level).</summary>
    public static async Task<RowCodes> LoadAsync(IEnumerable<RowView> rows, string regionCode, IServiceProvider services, CancellationToken ct)
    {
        var level = (await services.GetRequiredService<IRegionDirectory>().FindAsync(regionCode, ct))?.Level ?? GovernmentLevels.Province;
        return await LoadAsync(rows, services.GetRequiredService<INomenclatureCatalog>(), level, ct);
    }

    public static async Task<RowCodes> LoadAsync(IEnumerable<RowView> rows, INomenclatureCatalog catalog, string governmentLevel, CancellationToken ct)
    {
        var codes = rows.SelectMany(Codes).Distinct(StringComparer.Ordinal).ToList();
        var found = codes.Count == 0 ? [] : await catalog.FindManyAsync(codes, governmentLevel, ct);
        return new RowCodes(found.ToDictionary(i => i.Code, StringComparer.Ordinal));
    }

    /// <summary>The row's codes that a newer edition removed (retired in the Registry).</summary>
    public IReadOnlyList<string> ToReview(RowView row) => [.. Codes(row).Where(c => _known.TryGetValue(c, out var i) && i.Retired)];

    /// <summary>
    /// True when <paramref name="q"/> is a prefix of one of the row's codes, or every word of it occurs in the name of
    /// one of them ("ibu hamil" matches a row whose sub kegiatan is 1.02.02.2.02.0001).
    /// </summary>
    public bool Matches(RowView row, string q)
    {
        var term = q.Trim();
        if (Codes(row).Any(c => c.StartsWith(term, StringComparison.Ordinal)))
            return true;
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalise).Where(w => w.Length > 0).ToList();
        return words.Count > 0 && Codes(row).Any(c => _known.TryGetValue(c, out var i) && words.All(Normalise(i.Name).Contains));
    }

    private static IEnumerable<string> Codes(RowView row) =>
        new[] { row.ProgramCode, row.ActivityCode, row.SubActivityCode }.Where(c => !string.IsNullOrEmpty(c)).Select(c => c!);

    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}
