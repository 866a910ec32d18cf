using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Persistence;

internal abstract class MeetingsDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "meetings";

    public override string Schema => SchemaName;

    public DbSet<Meeting> Meetings => Set<Meeting>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.TimeZone).HasConversion<string>().HasMaxLength(4);
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.OnlineLink).HasMaxLength(500);
            e.HasIndex(x => x.StartsAt);
            e.HasIndex(x => x.ExerciseId);
        });
    }
}
