using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Minutes;
using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Persistence;

internal abstract class MeetingsDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "meetings";

    public override string Schema => SchemaName;

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingInvitee> Invitees => Set<MeetingInvitee>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<MeetingSession> Sessions => Set<MeetingSession>();

    public DbSet<PresenceInterval> Presence => Set<PresenceInterval>();

    public DbSet<AttendanceCorrection> Corrections => Set<AttendanceCorrection>();

    public DbSet<MeetingMinutes> Minutes => Set<MeetingMinutes>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

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
            e.PrimitiveCollection(x => x.Agenda);
            e.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.StartsAt);
            e.HasIndex(x => x.ExerciseId);
        });
        modelBuilder.Entity<MeetingInvitee>(e =>
        {
            e.ToTable("invitees");
            e.HasKey(x => new { x.MeetingId, x.OrganisationId });
            e.Property(x => x.OrganisationName).HasMaxLength(200);
            e.Property(x => x.OrganisationKind).HasMaxLength(20);
            e.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.ToTable("invitations");
            e.HasKey(x => x.Id);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.HasIndex(x => new { x.MeetingId, x.UserId, x.OrganisationId }).IsUnique();
        });
        modelBuilder.Entity<MeetingSession>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(x => x.SessionId);
            e.Property(x => x.SessionId).ValueGeneratedNever();
            e.HasIndex(x => x.MeetingId);
        });
        modelBuilder.Entity<PresenceInterval>(e =>
        {
            e.ToTable("presence");
            e.HasKey(x => x.Id);
            e.Property(x => x.ConnectionId).HasMaxLength(100);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.OrganisationName).HasMaxLength(200);
            e.HasIndex(x => new { x.SessionId, x.ConnectionId });
        });
        modelBuilder.Entity<AttendanceCorrection>(e =>
        {
            e.ToTable("attendance_corrections");
            e.HasKey(x => new { x.MeetingId, x.PersonId });
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.OrganisationName).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.CorrectedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<MeetingMinutes>(e =>
        {
            e.ToTable("minutes");
            e.HasKey(x => x.MeetingId);
            e.Property(x => x.MeetingId).ValueGeneratedNever();
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<Decision>(e =>
        {
            e.ToTable("decisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.HasIndex(x => x.MeetingId);
        });
        modelBuilder.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.OwnerOrganisationName).HasMaxLength(200);
            e.HasIndex(x => x.MeetingId);
        });
    }
}
