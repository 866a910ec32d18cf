using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Modularity.Persistence;

internal sealed class ModuleDatabase<TContext>(IDbContextFactory<TContext> factory) : IModuleDatabase
    where TContext : ModuleDbContext
{
    public string Schema { get; } = CreateSchemaName(factory);

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static string CreateSchemaName(IDbContextFactory<TContext> factory)
    {
        using var db = factory.CreateDbContext();
        return db.Schema;
    }
}
