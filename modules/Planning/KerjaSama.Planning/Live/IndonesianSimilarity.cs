using System.Globalization;
using System.Text;

namespace KerjaSama.Planning.Live;

/// <summary>
/// How alike two short Indonesian texts (a row's potential or object) are, 0..1. Texts are normalised first: case,
/// spacing and punctuation are ignored, "&amp;" reads "dan", a small list of common abbreviations is expanded
/// (<see cref="Abbreviations"/>) and filler words (<see cref="StopWords"/>) are left out. Words with their own meaning
/// are never merged ("peningkatan" is not "pengembangan"). The score is the mean of two Dice coefficients: over the
/// sets of words (what is said) and over the character trigrams of the normalised text (spelling slips, "lintas-batas"
/// against "lintas batas"). Pairs from <see cref="Threshold"/> are flagged; the examples in
/// IndonesianSimilarityTests show where it lies (docs/live-sessions.md).
/// </summary>
internal static class IndonesianSimilarity
{
    /// <summary>Flag from here: the same wording with a word or two more or less scores 0.85-1; other topics of one affair at most about 0.52.</summary>
    public const double Threshold = 0.6;

    /// <summary>Common abbreviations in agency writing, expanded to their words.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kab"] = "kabupaten",
        ["prov"] = "provinsi",
        ["pemda"] = "pemerintah daerah",
        ["pemprov"] = "pemerintah provinsi",
        ["pemkab"] = "pemerintah kabupaten",
        ["pemkot"] = "pemerintah kota",
        ["kec"] = "kecamatan",
        ["kel"] = "kelurahan",
        ["dlm"] = "dalam",
        ["yg"] = "yang",
        ["dgn"] = "dengan",
        ["utk"] = "untuk",
        ["tsb"] = "tersebut",
        ["jl"] = "jalan",
        ["sdm"] = "sumber daya manusia",
        ["kalteng"] = "kalimantan tengah",
        ["kalsel"] = "kalimantan selatan",
        ["kalbar"] = "kalimantan barat",
        ["kaltim"] = "kalimantan timur",
    };

    /// <summary>Words that carry no topic.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "dan", "yang", "di", "ke", "dari", "untuk", "dalam", "dengan", "pada", "serta", "atau", "oleh", "bagi", "tersebut", "antar",
    };

    /// <summary>The words of a text as compared: lower case, punctuation gone, abbreviations expanded, filler words left out.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var lowered = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Replace("&", " dan ", StringComparison.Ordinal);
        var clean = new StringBuilder(lowered.Length);
        foreach (var c in lowered)
            clean.Append(char.IsLetterOrDigit(c) ? c : ' ');
        var words = new List<string>();
        foreach (var word in clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var expanded = Abbreviations.TryGetValue(word, out var full) ? full.Split(' ') : [word];
            words.AddRange(expanded.Where(w => !StopWords.Contains(w)));
        }

        return words;
    }

    /// <summary>The normalised text: its words joined by single spaces.</summary>
    public static string Normalise(string? text) => string.Join(' ', Tokens(text));

    public static double Score(string? a, string? b) => Score(Tokens(a), Tokens(b));

    public static double Score(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var words = Dice(a.ToHashSet(StringComparer.Ordinal), b.ToHashSet(StringComparer.Ordinal));
        var trigrams = Dice(Trigrams(a), Trigrams(b));
        return Math.Round((words + trigrams) / 2, 4);
    }

    public static bool Similar(string? a, string? b) => Score(a, b) >= Threshold;

    private static HashSet<string> Trigrams(IReadOnlyList<string> words)
    {
        var text = " " + string.Join(' ', words) + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= text.Length; i++)
            set.Add(text.Substring(i, 3));
        return set;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var shared = a.Count(b.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
