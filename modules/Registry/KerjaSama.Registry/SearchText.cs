using System.Globalization;
using System.Text;

namespace KerjaSama.Registry;

/// <summary>Search that ignores case, spacing, punctuation and diacritics: "Palangka  Raya" = "palangkaraya".</summary>
internal static class SearchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (char.IsLetterOrDigit(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    public static string Key(string name, IEnumerable<string> aliases) =>
        "|" + string.Join('|', new[] { name }.Concat(aliases).Select(Normalise).Where(s => s.Length > 0).Distinct()) + "|";
}
