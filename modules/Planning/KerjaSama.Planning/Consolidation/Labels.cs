using KerjaSama.Modularity.Localization;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Consolidation;

/// <summary>
/// Bahasa Indonesia labels of the codes the exports print (documents are in the language of the decree whatever the
/// reader chose). The labels themselves are <see cref="MatrixVocabulary"/>'s: one source with the pages and the board.
/// </summary>
internal static class Labels
{
    public static string Form(string? form) => CodeLabels.Indonesian(MatrixVocabulary.Forms, form);

    public static string Status(string status) => CodeLabels.Indonesian(MatrixVocabulary.Statuses, status);

    public static string CooperationType(string? type) => CodeLabels.Indonesian(MatrixVocabulary.CooperationTypes, type);

    public static string ReviewDecision(string? decision) => CodeLabels.Indonesian(MatrixVocabulary.ReviewDecisions, decision);

    public static string YesNo(bool? value) => value switch
    {
        true => T("yes"),
        false => T("no"),
        null => "",
    };

    private static string T(string key) => Messages.Text(Messages.Indonesian, "export.labels." + key);
}
