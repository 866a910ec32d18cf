namespace KerjaSama.Partners.Agreements;

/// <summary>A party of an agreement with its signatory and, if the head of region delegated, the delegation.</summary>
internal sealed class AgreementParty
{
    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>Order of the parties as written in the agreement (first party, second party, ...).</summary>
    public int Position { get; set; }

    public required string SignatoryName { get; set; }

    public string? SignatoryPosition { get; set; }

    /// <summary>The delegation (e.g. "a.n. Gubernur, Sekretaris Daerah, SK 100/2025"), when the signatory acts for someone.</summary>
    public string? Delegation { get; set; }
}
