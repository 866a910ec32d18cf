namespace KerjaSama.Modularity.Security;

/// <summary>
/// Read access to the members of organisations, provided by Identity (which exposes no public types of its own), e.g.
/// for the Meetings module to address invitations.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>Enabled users with an active membership in any of the organisations (one entry per user and organisation).</summary>
    Task<IReadOnlyList<MemberContact>> ActiveMembersOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken);
}
