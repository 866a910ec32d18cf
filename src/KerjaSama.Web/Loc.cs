using System.Globalization;

namespace KerjaSama.Web;

/// <summary>
/// UI text in Bahasa Indonesia first and English second, written side by side where it is used:
/// <c>@L["Wilayah", "Regions"]</c>. The current UI culture (cookie or Accept-Language) picks one.
/// </summary>
public sealed class Loc
{
    public static readonly IReadOnlyList<string> SupportedCultures = ["id", "en"];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Razor reads it on the injected instance (L.IsEnglish) like the indexer.")]
    public bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Language => IsEnglish ? "en" : "id";

    public string this[string indonesian, string english] => IsEnglish ? english : indonesian;
}
