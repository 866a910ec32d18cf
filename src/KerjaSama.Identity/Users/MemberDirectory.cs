using KerjaSama.Identity.Persistence;
using KerjaSama.Modularity.Security;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Users;

internal sealed class MemberDirectory(IDbContextFactory<IdentityDb> factory) : IMemberDirectory
{
    public async Task<IReadOnlyList<MemberContact>> ActiveMembersOfAsync(IReadOnlyCollection<Guid> organisationIds,
        CancellationToken cancellationToken)
    {
        if (organisationIds.Count == 0)
            return [];
        var ids = organisationIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.OrganisationId) && m.Status == MembershipStatus.Active)
            .Join(db.Users.AsNoTracking().Where(u => !u.Disabled), m => m.UserId, u => u.Id,
                (m, u) => new MemberContact(u.Id, u.DisplayName, u.UserName, m.OrganisationId, m.Role))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MemberContact>> ActiveMembershipsOfUsersAsync(IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return [];
        var ids = userIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.UserId) && m.Status == MembershipStatus.Active)
            .Join(db.Users.AsNoTracking().Where(u => !u.Disabled), m => m.UserId, u => u.Id,
                (m, u) => new MemberContact(u.Id, u.DisplayName, u.UserName, m.OrganisationId, m.Role))
            .ToListAsync(cancellationToken);
    }
}
