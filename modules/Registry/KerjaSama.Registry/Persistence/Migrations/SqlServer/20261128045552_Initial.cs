using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "registry");

            migrationBuilder.CreateTable(
                name: "affairs",
                schema: "registry",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Cooperable = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affairs", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "nomenclature",
                schema: "registry",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Output = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Indicator = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsSample = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nomenclature", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                schema: "registry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: true),
                    AffairCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "region_borders",
                schema: "registry",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: false),
                    NeighbourCode = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_region_borders", x => new { x.RegionCode, x.NeighbourCode });
                });

            migrationBuilder.CreateTable(
                name: "regions",
                schema: "registry",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ParentCode = table.Column<string>(type: "nvarchar(13)", maxLength: 13, nullable: true),
                    BpsCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Aliases = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SearchKey = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "seeds",
                schema: "registry",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seeds", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "sub_affairs",
                schema: "registry",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sub_affairs", x => new { x.Code, x.Level });
                    table.ForeignKey(
                        name: "FK_sub_affairs_affairs_AffairCode",
                        column: x => x.AffairCode,
                        principalSchema: "registry",
                        principalTable: "affairs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Code",
                schema: "registry",
                table: "organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_Kind_RegionCode",
                schema: "registry",
                table: "organisations",
                columns: new[] { "Kind", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_organisations_NormalizedName",
                schema: "registry",
                table: "organisations",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_regions_ParentCode",
                schema: "registry",
                table: "regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_sub_affairs_AffairCode",
                schema: "registry",
                table: "sub_affairs",
                column: "AffairCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nomenclature",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "organisations",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "region_borders",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "regions",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "seeds",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "sub_affairs",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "affairs",
                schema: "registry");
        }
    }
}
