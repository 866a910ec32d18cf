using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_affairs",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Cooperable = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_affairs", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registry_nomenclature",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Output = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_nomenclature", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registry_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    AffairCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registry_region_borders",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    NeighbourCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_region_borders", x => new { x.RegionCode, x.NeighbourCode });
                });

            migrationBuilder.CreateTable(
                name: "registry_regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    BpsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registry_seeds",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_seeds", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "registry_sub_affairs",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_sub_affairs", x => new { x.Code, x.Level });
                    table.ForeignKey(
                        name: "FK_registry_sub_affairs_registry_affairs_AffairCode",
                        column: x => x.AffairCode,
                        principalTable: "registry_affairs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registry_organisations_Code",
                table: "registry_organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_organisations_Kind_RegionCode",
                table: "registry_organisations",
                columns: new[] { "Kind", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_organisations_NormalizedName",
                table: "registry_organisations",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_regions_ParentCode",
                table: "registry_regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_registry_sub_affairs_AffairCode",
                table: "registry_sub_affairs",
                column: "AffairCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_nomenclature");

            migrationBuilder.DropTable(
                name: "registry_organisations");

            migrationBuilder.DropTable(
                name: "registry_region_borders");

            migrationBuilder.DropTable(
                name: "registry_regions");

            migrationBuilder.DropTable(
                name: "registry_seeds");

            migrationBuilder.DropTable(
                name: "registry_sub_affairs");

            migrationBuilder.DropTable(
                name: "registry_affairs");
        }
    }
}
