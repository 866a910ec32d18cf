using KerjaSama.Modularity.Persistence;
using KerjaSama.Partners.Agreements;
using KerjaSama.Partners.Evaluations;
using KerjaSama.Partners.Offers;
using KerjaSama.Partners.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Persistence;

internal abstract class PartnersDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "partners";

    public override string Schema => SchemaName;

    public DbSet<PartnerProfile> Profiles => Set<PartnerProfile>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferRecipient> OfferRecipients => Set<OfferRecipient>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();

    public DbSet<AgreementDocument> Documents => Set<AgreementDocument>();

    public DbSet<EvaluationReport> Evaluations => Set<EvaluationReport>();

    public DbSet<ReminderDispatch> ReminderDispatches => Set<ReminderDispatch>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingMail> Mails => Set<OutgoingMail>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PartnerProfile>(e =>
        {
            e.ToTable("profiles");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).ValueGeneratedNever();
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.HasMany(x => x.Contacts).WithOne().HasForeignKey("OrganisationId").OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PartnerContact>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Phone).HasMaxLength(40);
        });
        ConfigureOffers(modelBuilder);
        ConfigureAgreements(modelBuilder);
        ConfigureReminders(modelBuilder);
    }

    private static void ConfigureOffers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Offer>(e =>
        {
            e.ToTable("offers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.LetterNumber).HasMaxLength(100).IsRequired();
            e.Property(x => x.Signatory).HasMaxLength(200).IsRequired();
            e.Property(x => x.Object).HasMaxLength(1000).IsRequired();
            e.Property(x => x.ProposedForm).HasMaxLength(40).IsRequired();
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.HasIndex(x => x.RowId);
            e.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OfferRecipient>(e =>
        {
            e.ToTable("offer_recipients");
            e.HasKey(x => new { x.OfferId, x.OrganisationId });
            e.Property(x => x.Status).HasMaxLength(20).IsRequired();
            e.Property(x => x.Message).HasMaxLength(4000);
            e.HasIndex(x => x.OrganisationId);
        });
    }

    private static void ConfigureAgreements(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(4).IsRequired();
            e.Property(x => x.Number).HasMaxLength(100).IsRequired();
            e.Property(x => x.Object).HasMaxLength(1000).IsRequired();
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.Property(x => x.Value).HasPrecision(18, 2);
            e.Property(x => x.DprdApprovalReference).HasMaxLength(200);
            e.Property(x => x.DurationExceptionLegalBasis).HasMaxLength(500);
            e.HasIndex(x => x.EndsOn);
            e.HasIndex(x => x.ParentAgreementId);
            e.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AgreementParty>(e =>
        {
            e.ToTable("agreement_parties");
            e.HasKey(x => x.Id);
            e.Property(x => x.SignatoryName).HasMaxLength(200).IsRequired();
            e.Property(x => x.SignatoryPosition).HasMaxLength(200);
            e.Property(x => x.Delegation).HasMaxLength(500);
            e.HasIndex(x => new { x.AgreementId, x.OrganisationId }).IsUnique();
            e.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<AgreementChange>(e =>
        {
            e.ToTable("agreement_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(12).IsRequired();
            e.Property(x => x.Number).HasMaxLength(100).IsRequired();
            e.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        });
        modelBuilder.Entity<AgreementDocument>(e =>
        {
            e.ToTable("agreement_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40).IsRequired();
            e.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            e.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            e.HasIndex(x => new { x.AgreementId, x.Kind, x.Version }).IsUnique();
        });
        modelBuilder.Entity<EvaluationReport>(e =>
        {
            e.ToTable("evaluations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(20).IsRequired();
            e.Property(x => x.ReporterKind).HasMaxLength(12).IsRequired();
            e.Property(x => x.Recommendation).HasMaxLength(12).IsRequired();
            e.Property(x => x.Findings).HasMaxLength(4000).IsRequired();
            e.HasIndex(x => x.AgreementId);
        });
    }

    private static void ConfigureReminders(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReminderDispatch>(e =>
        {
            e.ToTable("reminder_dispatches");
            e.HasKey(x => x.Id);
            e.Property(x => x.FiredBy).HasMaxLength(200).IsRequired();
            e.HasIndex(x => new { x.AgreementId, x.EndsOn, x.ThresholdDays }).IsUnique();
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.Body).HasMaxLength(2000).IsRequired();
            e.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        });
        modelBuilder.Entity<OutgoingMail>(e =>
        {
            e.ToTable("outgoing_mail");
            e.HasKey(x => x.Id);
            e.Property(x => x.To).HasMaxLength(254).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(300).IsRequired();
            e.Property(x => x.Body).IsRequired();
            e.Property(x => x.ClaimedBy).HasMaxLength(200);
            e.HasIndex(x => x.SentAt);
        });
    }
}
