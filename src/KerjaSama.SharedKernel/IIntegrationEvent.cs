namespace KerjaSama.SharedKernel;

/// <summary>
/// A fact that one module publishes for others, named in the past tense (e.g. <c>OrganisationRegistered</c>).
/// Integration events cross module boundaries; they live in the publishing module's Contracts.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}
