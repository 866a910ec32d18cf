using KerjaSama.Identity.Federation;
using KerjaSama.Identity.Users;
using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Identity.Persistence;

internal abstract class IdentityDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "identity";

    public override string Schema => SchemaName;

    public DbSet<User> Users => Set<User>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<PartnerIdentityProvider> IdentityProviders => Set<PartnerIdentityProvider>();

    public DbSet<PartnerEmailDomain> ProviderDomains => Set<PartnerEmailDomain>();

    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // OpenIddict's applications, authorizations, scopes and tokens live in this schema too.
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.DisplayName).HasMaxLength(200).IsRequired();
            e.Property(x => x.PasswordHash).HasMaxLength(500);
            e.Property(x => x.InvitationHash).HasMaxLength(100);
            e.HasIndex(x => x.InvitationHash);
            e.Property(x => x.Language).HasMaxLength(8).IsRequired().HasDefaultValue("id");
            e.HasMany(x => x.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Membership>(e =>
        {
            e.ToTable("memberships");
            e.HasKey(x => x.Id);
            e.Property(x => x.OrganisationName).HasMaxLength(300).IsRequired();
            e.Property(x => x.Role).HasMaxLength(40).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.UserId, x.OrganisationId }).IsUnique();
            e.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<SignInThrottle>(e =>
        {
            e.ToTable("sign_in_throttles");
            e.HasKey(x => new { x.UserId, x.Address });
            e.Property(x => x.Address).HasMaxLength(64);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(40).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(256);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.UserId);
        });
        ConfigureFederation(modelBuilder);
    }

    private static void ConfigureFederation(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PartnerIdentityProvider>(e =>
        {
            e.ToTable("identity_providers");
            e.HasKey(x => x.Id);
            e.Property(x => x.OrganisationName).HasMaxLength(300).IsRequired();
            e.Property(x => x.DisplayName).HasMaxLength(100).IsRequired();
            e.Property(x => x.Issuer).HasMaxLength(500).IsRequired();
            e.HasIndex(x => x.Issuer).IsUnique();
            e.Property(x => x.ClientId).HasMaxLength(200).IsRequired();
            e.Property(x => x.ProtectedClientSecret).HasMaxLength(2000);
            e.Property(x => x.Scopes).HasMaxLength(500).IsRequired();
            e.Property(x => x.NameClaim).HasMaxLength(100).IsRequired();
            e.Property(x => x.EmailClaim).HasMaxLength(100).IsRequired();
            e.HasIndex(x => x.OrganisationId);
            e.HasMany(x => x.Domains).WithOne().HasForeignKey(d => d.ProviderId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PartnerEmailDomain>(e =>
        {
            e.ToTable("identity_provider_domains");
            e.HasKey(x => x.Domain);
            e.Property(x => x.Domain).HasMaxLength(253);
        });
        modelBuilder.Entity<ExternalLogin>(e =>
        {
            e.ToTable("external_logins");
            e.HasKey(x => x.Id);
            e.Property(x => x.Issuer).HasMaxLength(500).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(200).IsRequired();
            e.HasIndex(x => new { x.Issuer, x.Subject }).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
