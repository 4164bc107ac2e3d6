using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    FormatYear = table.Column<int>(nullable: false),
                    Overview = table.Column<string>(nullable: false),
                    Problems = table.Column<string>(nullable: false),
                    Other = table.Column<string>(nullable: false),
                    ManualJson = table.Column<string>(nullable: false),
                    FiguresJson = table.Column<string>(nullable: false),
                    PreviousFiguresJson = table.Column<string>(nullable: true),
                    FiguresComputedUtc = table.Column<DateTime>(nullable: false),
                    SubmittedFiguresJson = table.Column<string>(nullable: true),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ConcurrencyStamp = table.Column<string>(maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_FirstPublishedUtc",
                table: "ContentItems",
                column: "FirstPublishedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_AgencyCode_Year",
                table: "AnnualReports",
                columns: new[] { "AgencyCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_FirstPublishedUtc",
                table: "ContentItems");
        }
    }
}
