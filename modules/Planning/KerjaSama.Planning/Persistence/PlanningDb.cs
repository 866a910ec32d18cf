using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Persistence;

internal abstract class PlanningDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "planning";

    public override string Schema => SchemaName;

    public DbSet<MappingExercise> Exercises => Set<MappingExercise>();

    public DbSet<MatrixRow> Rows => Set<MatrixRow>();

    public DbSet<MatrixOpRecord> Ops => Set<MatrixOpRecord>();

    public DbSet<MappingSession> Sessions => Set<MappingSession>();

    public DbSet<SessionMoment> SessionMoments => Set<SessionMoment>();

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
        modelBuilder.Entity<MatrixRow>(e =>
        {
            e.ToTable("matrix_rows");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ValuesJson).IsRequired();
            e.Property(x => x.StampsJson).IsRequired();
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.Property(x => x.CooperationType).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(40);
            e.HasIndex(x => new { x.ExerciseId, x.AffairCode });
        });
        modelBuilder.Entity<MatrixOpRecord>(e =>
        {
            e.ToTable("matrix_ops");
            e.HasKey(x => new { x.ExerciseId, x.Seq });
            e.Property(x => x.Seq).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(12).IsRequired();
            e.Property(x => x.FieldsJson).IsRequired();
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.AuthorOrganisationName).HasMaxLength(200);
            e.HasIndex(x => new { x.ExerciseId, x.OpId }).IsUnique();
            e.HasIndex(x => new { x.ExerciseId, x.RowId });
        });
        modelBuilder.Entity<MappingSession>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.State).HasMaxLength(10).IsRequired();
            e.HasIndex(x => x.ExerciseId);
        });
        modelBuilder.Entity<SessionMoment>(e =>
        {
            e.ToTable("session_moments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.State).HasMaxLength(10).IsRequired();
            e.Property(x => x.ByName).HasMaxLength(200);
            e.HasIndex(x => new { x.ExerciseId, x.At });
        });
    }
}
