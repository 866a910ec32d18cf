using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Users;

internal sealed class MemberDirectory(IDbContextFactory<IdentityDb> factory) : IMemberDirectory
{
    public Task<IReadOnlyList<MemberContact>> ActiveMembersOfAsync(IReadOnlyCollection<Guid> organisationIds,
        CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        return ActiveAsync(m => ids.Contains(m.OrganisationId), ids.Count, cancellationToken);
    }

    public Task<IReadOnlyList<MemberContact>> ActiveMembershipsOfUsersAsync(IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return ActiveAsync(m => ids.Contains(m.UserId), ids.Count, cancellationToken);
    }

    /// <summary>Active memberships matching the filter, of users who are not disabled.</summary>
    private async Task<IReadOnlyList<MemberContact>> ActiveAsync(System.Linq.Expressions.Expression<Func<Membership, bool>> filter, int count,
        CancellationToken ct)
    {
        if (count == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking().Where(filter).Where(m => m.Status == MembershipStatus.Active)
            .Join(db.Users.AsNoTracking().Where(u => !u.Disabled), m => m.UserId, u => u.Id,
                (m, u) => new MemberContact(u.Id, u.DisplayName, u.UserName, m.OrganisationId, m.Role))
            .ToListAsync(ct);
    }
}
