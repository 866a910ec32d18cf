namespace KerjaSama.Planning.Pages;

/// <summary>The row edit form's codes and the row's seq when the form was opened; yearly plans come as <c>budget_2026</c> etc.</summary>
internal sealed class RowEditFormModel
{
    public string? ProgramCode { get; set; }

    public string? ActivityCode { get; set; }

    public string? SubActivityCode { get; set; }

    public long Seq { get; set; }
}
