namespace KerjaSama.Modularity.Security;

/// <summary>
/// Read access to the members of organisations, provided by Identity (which exposes no public types of its own), e.g.
/// for the Meetings module to address invitations.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>Enabled users with an active membership in any of the organisations (one entry per user and organisation).</summary>
    Task<IReadOnlyList<MemberContact>> ActiveMembersOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken);

    /// <summary>
    /// The active memberships (organisation and current role) of those users, leaving out disabled users: what a live
    /// connection's principal is checked against, so that a suspension or a role change reaches open connections.
    /// </summary>
    Task<IReadOnlyList<MemberContact>> ActiveMembershipsOfUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}
