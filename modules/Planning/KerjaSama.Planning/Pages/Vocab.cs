using KerjaSama.Planning.Contracts.Live;
using KerjaSama.SharedKernel;

namespace KerjaSama.Planning.Pages;

/// <summary>Labels of the matrix's codes in the reader's language (<see cref="MatrixVocabulary"/>), for the pages.</summary>
internal static class Vocab
{
    public static string Status(string? status) => CodeLabels.Of(MatrixVocabulary.Statuses, status);

    public static string CooperationType(string? type) => CodeLabels.Of(MatrixVocabulary.CooperationTypes, type);

    public static string Form(string? form) => CodeLabels.Of(MatrixVocabulary.Forms, form);

    public static string Decision(string? decision) => CodeLabels.Of(MatrixVocabulary.ReviewDecisions, decision);
}
