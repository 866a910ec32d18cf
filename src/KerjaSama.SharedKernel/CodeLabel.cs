using System.Globalization;

namespace KerjaSama.SharedKernel;

/// <summary>
/// A stable code of a vocabulary (a status, a cooperation type, a partner kind) with the label people read, in Bahasa
/// Indonesia and English. Pages, exports and the board show the label, never the code.
/// </summary>
/// <param name="Code">The stable code stored and sent by programs, e.g. <c>pelayanan_publik</c>.</param>
/// <param name="Id">The label in Bahasa Indonesia, e.g. <c>Penyediaan pelayanan publik</c>.</param>
/// <param name="En">The label in English.</param>
public sealed record CodeLabel(string Code, string Id, string En)
{
    /// <summary>The label in the current UI culture (English when it is English, Bahasa Indonesia otherwise).</summary>
    public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Id;
}

/// <summary>Look-ups over a vocabulary of <see cref="CodeLabel"/>s.</summary>
public static class CodeLabels
{
    /// <summary>The label of <paramref name="code"/> in the current UI culture; an unknown code is shown as it is, null as "".</summary>
    public static string Of(IReadOnlyList<CodeLabel> vocabulary, string? code) =>
        code is null ? "" : Find(vocabulary, code)?.Text ?? code;

    /// <summary>The Indonesian label of <paramref name="code"/> (documents are in Bahasa Indonesia whatever the reader chose).</summary>
    public static string Indonesian(IReadOnlyList<CodeLabel> vocabulary, string? code) =>
        code is null ? "" : Find(vocabulary, code)?.Id ?? code;

    public static IReadOnlyList<string> Codes(IReadOnlyList<CodeLabel> vocabulary) => [.. vocabulary.Select(l => l.Code)];

    private static CodeLabel? Find(IReadOnlyList<CodeLabel> vocabulary, string code)
    {
        foreach (var label in vocabulary)
        {
            if (string.Equals(label.Code, code, StringComparison.Ordinal))
                return label;
        }

        return null;
    }
}
