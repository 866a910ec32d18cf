using KerjaSama.Modularity.Persistence;
using KerjaSama.Registry.Affairs;
using KerjaSama.Registry.Nomenclature;
using KerjaSama.Registry.Organisations;
using KerjaSama.Registry.Regions;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Registry.Persistence;

internal abstract class RegistryDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string SchemaName = "registry";

    public override string Schema => SchemaName;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<RegionBorder> Borders => Set<RegionBorder>();

    public DbSet<GovernmentAffair> Affairs => Set<GovernmentAffair>();

    public DbSet<SubAffair> SubAffairs => Set<SubAffair>();

    public DbSet<NomenclatureItem> Nomenclature => Set<NomenclatureItem>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<SeedRecord> Seeds => Set<SeedRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("regions");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(13);
            e.Property(x => x.Type).HasMaxLength(10).IsRequired();
            e.Property(x => x.Name).HasMaxLength(100).IsRequired();
            e.Property(x => x.ParentCode).HasMaxLength(13);
            e.Property(x => x.BpsCode).HasMaxLength(10);
            e.Property(x => x.SearchKey).HasMaxLength(1000);
            e.HasIndex(x => x.ParentCode);
        });
        modelBuilder.Entity<RegionBorder>(e =>
        {
            e.ToTable("region_borders");
            e.HasKey(x => new { x.RegionCode, x.NeighbourCode });
            e.Property(x => x.RegionCode).HasMaxLength(13);
            e.Property(x => x.NeighbourCode).HasMaxLength(13);
        });
        modelBuilder.Entity<GovernmentAffair>(e =>
        {
            e.ToTable("affairs");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Group).HasMaxLength(40).IsRequired();
            e.HasMany(x => x.SubAffairs).WithOne().HasForeignKey(x => x.AffairCode);
        });
        modelBuilder.Entity<SubAffair>(e =>
        {
            e.ToTable("sub_affairs");
            e.HasKey(x => new { x.Code, x.Level });
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Level).HasMaxLength(20);
            e.Property(x => x.AffairCode).HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
        });
        modelBuilder.Entity<NomenclatureItem>(e =>
        {
            e.ToTable("nomenclature");
            e.HasKey(x => new { x.Code, x.Scope });
            e.Property(x => x.Code).HasMaxLength(24);
            e.Property(x => x.Scope).HasMaxLength(16).HasDefaultValue(Codes.AnyScope);
            e.Property(x => x.Level).HasMaxLength(16).IsRequired();
            e.Property(x => x.Name).HasMaxLength(500).IsRequired();
            e.Property(x => x.Output).HasMaxLength(1000);
            e.Property(x => x.Indicator).HasMaxLength(1000);
            e.Property(x => x.Unit).HasMaxLength(100);
            e.Property(x => x.ParentCode).HasMaxLength(24);
            e.Property(x => x.GovernmentLevels).HasMaxLength(40).IsRequired();
            e.Property(x => x.SearchKey).HasMaxLength(500).IsRequired();
            e.HasIndex(x => x.Level);
        });
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.ShortName).HasMaxLength(60);
            e.Property(x => x.NormalizedName).HasMaxLength(200).IsRequired();
            e.Property(x => x.Kind).HasMaxLength(20).IsRequired();
            e.Property(x => x.RegionCode).HasMaxLength(13);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.NormalizedName).IsUnique();
            e.HasIndex(x => new { x.Kind, x.RegionCode });
        });
        modelBuilder.Entity<SeedRecord>(e =>
        {
            e.ToTable("seeds");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        });
    }
}
