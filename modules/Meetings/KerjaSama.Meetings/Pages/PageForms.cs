namespace KerjaSama.Meetings.Pages;

internal sealed class MinutesFormModel
{
    public string? Text { get; set; }

    public long Version { get; set; }
}

internal sealed class DecisionFormModel
{
    public string? Text { get; set; }
}

internal sealed class ActionItemFormModel
{
    public string? Text { get; set; }

    public string? OwnerCode { get; set; }

    public string? DueDate { get; set; }
}

internal sealed class AttendanceFormModel
{
    /// <summary>Empty for someone not recorded by presence.</summary>
    public string? PersonId { get; set; }

    public string? DisplayName { get; set; }

    public string? OrganisationCode { get; set; }

    public string? Present { get; set; } = "true";

    public int? TotalMinutes { get; set; }

    public string? Note { get; set; }
}

/// <summary>The buttons (invite, open, close) post an empty form; model binding needs a type.</summary>
internal sealed class ActionFormModel
{
    public string? Confirm { get; set; }
}
