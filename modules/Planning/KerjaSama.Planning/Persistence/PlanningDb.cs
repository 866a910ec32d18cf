using KerjaSama.Modularity.Persistence;
using KerjaSama.Planning.Documents;
using KerjaSama.Planning.Exercises;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Live.Facilitation;
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

    public DbSet<VoteRoundRecord> VoteRounds => Set<VoteRoundRecord>();

    public DbSet<VoteRecord> Votes => Set<VoteRecord>();

    public DbSet<FacilitationRecord> Facilitation => Set<FacilitationRecord>();

    public DbSet<RowCommentRecord> Comments => Set<RowCommentRecord>();

    public DbSet<DuplicatePairRecord> DuplicatePairs => Set<DuplicatePairRecord>();

    public DbSet<SessionMoment> SessionMoments => Set<SessionMoment>();

    public DbSet<ExerciseDocumentSettings> DocumentSettings => Set<ExerciseDocumentSettings>();

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
        ConfigureFacilitation(modelBuilder);
        ConfigureTalk(modelBuilder);
        ConfigureDocuments(modelBuilder);
    }

    // Issue 22: decree number, date and signatory of the signed documents.
    private static void ConfigureDocuments(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ExerciseDocumentSettings>(e =>
        {
            e.ToTable("exercise_documents");
            e.HasKey(x => x.ExerciseId);
            e.Property(x => x.ExerciseId).ValueGeneratedNever();
            e.Property(x => x.RegionCode).HasMaxLength(13).IsRequired();
            e.Property(x => x.DecreeNumber).HasMaxLength(100);
            e.Property(x => x.DecreeSubject).HasMaxLength(300);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.SignatoryTitle).HasMaxLength(200);
            e.Property(x => x.SignatoryName).HasMaxLength(200);
            e.Property(x => x.SignatoryNip).HasMaxLength(30);
            e.HasIndex(x => new { x.RegionCode, x.UpdatedAt });
        });

    private static void ConfigureFacilitation(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VoteRoundRecord>(e =>
        {
            e.ToTable("vote_rounds");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Label).HasMaxLength(200).IsRequired();
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.Property(x => x.RowIdsJson).IsRequired();
            e.Property(x => x.State).HasMaxLength(10).IsRequired();
            e.HasIndex(x => new { x.SessionId, x.Number }).IsUnique();
            e.HasIndex(x => x.ExerciseId);
        });
        modelBuilder.Entity<VoteRecord>(e =>
        {
            e.ToTable("votes");
            e.HasKey(x => new { x.RoundId, x.OrganisationId, x.RowId });
            e.Property(x => x.OrganisationName).HasMaxLength(200);
            e.HasIndex(x => new { x.RoundId, x.RowId });
        });
        modelBuilder.Entity<FacilitationRecord>(e =>
        {
            e.ToTable("session_facilitation");
            e.HasKey(x => x.SessionId);
            e.Property(x => x.SessionId).ValueGeneratedNever();
            e.Property(x => x.TimerLabel).HasMaxLength(200).IsRequired();
            e.Property(x => x.TimerAffairCode).HasMaxLength(10);
            e.Property(x => x.TimerRowIdsJson).IsRequired();
        });
    }

    // Issue 19: row discussion and duplicate pairs.
    private static void ConfigureTalk(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RowCommentRecord>(e =>
        {
            e.ToTable("row_comments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(10).IsRequired();
            e.Property(x => x.Text).HasMaxLength(2000).IsRequired();
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.AuthorOrganisationName).HasMaxLength(200);
            e.Property(x => x.ResolvedByName).HasMaxLength(200);
            e.Property(x => x.ResolvedByOrganisationName).HasMaxLength(200);
            e.HasIndex(x => new { x.ExerciseId, x.RowId });
        });
        modelBuilder.Entity<DuplicatePairRecord>(e =>
        {
            e.ToTable("duplicate_pairs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.Property(x => x.Field).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20).IsRequired();
            e.Property(x => x.DecidedByName).HasMaxLength(200);
            e.Property(x => x.DecidedByOrganisationName).HasMaxLength(200);
            e.HasIndex(x => new { x.ExerciseId, x.RowA, x.RowB }).IsUnique();
        });
    }
}
