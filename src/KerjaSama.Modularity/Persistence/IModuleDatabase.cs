namespace KerjaSama.Modularity.Persistence;

/// <summary>One module's database as the host sees it: for start-up migration, the migrate command and health.</summary>
public interface IModuleDatabase
{
    string Schema { get; }

    Task<bool> CanConnectAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken);

    Task MigrateAsync(CancellationToken cancellationToken);
}
