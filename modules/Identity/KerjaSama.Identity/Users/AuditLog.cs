using KerjaSama.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KerjaSama.Identity.Users;

/// <summary>Writes audit entries in their own unit of work, so that a failed operation is still recorded.</summary>
internal sealed class AuditLog(IDbContextFactory<IdentityDb> factory, [FromKeyedServices(IdentityClock.Key)] TimeProvider clock)
{
    public async Task WriteAsync(string kind, Guid? userId, string? subject, string? ip, string? detail = null, Guid? actorId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Audit.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = clock.GetUtcNow(), Kind = kind, UserId = userId,
            Subject = subject is { Length: > 256 } ? subject[..256] : subject, IpAddress = ip, Detail = detail, ActorId = actorId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
