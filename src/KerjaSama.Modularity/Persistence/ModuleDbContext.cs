using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KerjaSama.Modularity.Persistence;

/// <summary>
/// Base of every module's DbContext: one schema per module (on SQLite, which has no schemas, a table-name
/// prefix), an application-managed version column for optimistic concurrency, and SQLite-safe date storage.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's schema, e.g. <c>registry</c>.</summary>
    public abstract string Schema { get; }

    /// <summary>Sets the version the caller last read, so that saving fails if someone changed it since.</summary>
    public void ExpectVersion<TEntity>(TEntity entity, long expectedVersion)
        where TEntity : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var sqlite = Database.IsSqlite();
        if (!sqlite)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        ConfigureModel(modelBuilder);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }

            if (sqlite && entity.GetTableName() is { } table && entity.FindOwnership() is null)
            {
                entity.SetTableName($"{Schema}_{table}");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite stores DateTimeOffset as text, which neither orders nor compares correctly; ticks do.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (EntityEntry<IVersioned> entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                var property = entry.Property(e => e.Version);
                property.CurrentValue = property.OriginalValue + 1;
            }
        }
    }
}
