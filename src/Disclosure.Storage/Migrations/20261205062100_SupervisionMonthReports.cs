using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionMonthReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisionMonthReports",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    Month = table.Column<string>(maxLength: 7, nullable: false),
                    Title = table.Column<string>(maxLength: 300, nullable: false),
                    MadeOn = table.Column<DateOnly>(nullable: false),
                    MadeUtc = table.Column<DateTime>(nullable: false),
                    Overdue = table.Column<int>(nullable: false),
                    DoneLate = table.Column<int>(nullable: false),
                    StaleClasses = table.Column<int>(nullable: false),
                    EmptyClasses = table.Column<int>(nullable: false),
                    BrokenLinks = table.Column<int>(nullable: false),
                    Docx = table.Column<byte[]>(nullable: false),
                    Xlsx = table.Column<byte[]>(nullable: false),
                    NoticesQueued = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionMonthReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionMonthReports_AgencyCode_Month",
                table: "SupervisionMonthReports",
                columns: new[] { "AgencyCode", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionMonthReports");
        }
    }
}
