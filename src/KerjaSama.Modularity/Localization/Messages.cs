using System.Collections;
using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("id")]

namespace KerjaSama.Modularity.Localization;

/// <summary>
/// The platform's one catalogue of texts people read (ADR 0021): <c>Messages.resx</c> in Bahasa Indonesia (the neutral
/// language) and <c>Messages.en.resx</c> in English, keyed by stable English codes. Problem titles and details,
/// validation errors and hub rejections take their text from here in the request's or connection's UI culture.
/// </summary>
public static class Messages
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly ResourceManager Resources = new("KerjaSama.Modularity.Localization.Messages", typeof(Messages).Assembly);

    /// <summary>The culture of a stored or requested language: <c>en</c> (or <c>en-*</c>) is English, anything else Indonesian.</summary>
    public static CultureInfo CultureOf(string? language) =>
        language is not null && (language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            ? English : Indonesian;

    /// <summary>The language of the current UI culture: English or Indonesian (what request localization chose for the reader).</summary>
    public static CultureInfo Current => CultureOf(CultureInfo.CurrentUICulture.Name);

    /// <summary>The text of <paramref name="key"/> in the current UI culture; the key itself when the catalogue lacks it.</summary>
    public static string Text(string key, params object?[] args) => Text(CultureInfo.CurrentUICulture, key, args);

    public static string Text(CultureInfo culture, string key, params object?[] args) =>
        Find(culture, key, args) ?? key;

    public static string Text(Msg message) => Text(message.Key, [.. message.Args]);

    /// <summary>The text of <paramref name="key"/>, or null when the catalogue has no such key.</summary>
    public static string? Find(CultureInfo culture, string key, params object?[] args)
    {
        var text = Resources.GetString(key, culture);
        return text is null ? null : args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>The text of a refusal code, preferring the field-specific <c>code.field</c> entry; null when neither exists (or it needs arguments).</summary>
    public static string? ForCode(string code, string? field = null) =>
        Plain(field is null ? null : Find(CultureInfo.CurrentUICulture, $"{code}.{field}")) ?? Plain(Find(CultureInfo.CurrentUICulture, code));

    // A text with arguments needs them: without, the caller's own (English) text is better than "{0}".
    private static string? Plain(string? text) => text is not null && text.Contains("{0", StringComparison.Ordinal) ? null : text;

    /// <summary>Every key with its text in one language exactly as written in that language's file (no fallback).</summary>
    public static IReadOnlyDictionary<string, string> All(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture.Equals(Indonesian) ? CultureInfo.InvariantCulture : culture, createIfNotExists: true, tryParents: false);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        if (set is null)
            return all;
        foreach (DictionaryEntry entry in set)
            all[(string)entry.Key] = (string)entry.Value!;
        return all;
    }
}
