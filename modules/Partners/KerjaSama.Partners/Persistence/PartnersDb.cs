using KerjaSama.Modularity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Partners.Persistence;

internal abstract class PartnersDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "partners";

    public override string Schema => SchemaName;

    public DbSet<PartnerProfile> Profiles => Set<PartnerProfile>();

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
    }
}
