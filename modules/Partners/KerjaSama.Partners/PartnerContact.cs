namespace KerjaSama.Partners;

/// <summary>A person in charge at the partner (primary, secondary, ...).</summary>
internal sealed class PartnerContact
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool IsPrimary { get; set; }
}
