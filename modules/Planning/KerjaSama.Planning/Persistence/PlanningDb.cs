using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Exercises;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Persistence;

internal abstract class PlanningDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "planning";

    public override string Schema => SchemaName;

    public DbSet<MappingExercise> Exercises => Set<MappingExercise>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MappingExercise>(e =>
        {
            e.ToTable("exercises");
            e.HasKey(x => x.Id);
            e.Property(x => x.RegionCode).HasMaxLength(13).IsRequired();
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => x.RegionCode);
        });
    }
}
