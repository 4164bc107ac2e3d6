using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BackupRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackupRuns",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slot = table.Column<string>(maxLength: 32, nullable: true),
                    Node = table.Column<string>(maxLength: 256, nullable: false),
                    StartedUtc = table.Column<DateTime>(nullable: false),
                    FinishedUtc = table.Column<DateTime>(nullable: true),
                    Succeeded = table.Column<bool>(nullable: false),
                    ArchiveName = table.Column<string>(maxLength: 256, nullable: true),
                    SizeBytes = table.Column<long>(nullable: true),
                    Error = table.Column<string>(maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackupRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackupRuns_Slot",
                table: "BackupRuns",
                column: "Slot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackupRuns_StartedUtc",
                table: "BackupRuns",
                column: "StartedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackupRuns");
        }
    }
}
