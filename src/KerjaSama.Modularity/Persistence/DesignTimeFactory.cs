using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KerjaSama.Modularity.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a provider-specific context without starting the host. The connection string is
/// only a placeholder: generating migrations and scripts never connects.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string schema) : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=kerjasama_design",
            _ => "Server=127.0.0.1;Database=kerjasama_design;TrustServerCertificate=true",
        };
        var builder = new DbContextOptionsBuilder<TContext>();
        new DatabaseConnection(provider, connectionString).Configure(builder, schema);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
