using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InteractionConsultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationComments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<string>(maxLength: 64, nullable: false),
                    Name = table.Column<string>(maxLength: 50, nullable: true),
                    Phone = table.Column<string>(maxLength: 30, nullable: true),
                    Email = table.Column<string>(maxLength: 100, nullable: true),
                    Body = table.Column<string>(maxLength: 2000, nullable: false),
                    State = table.Column<int>(nullable: false),
                    SubmittedUtc = table.Column<DateTime>(nullable: false),
                    ModeratedUtc = table.Column<DateTime>(nullable: true),
                    ModeratedBy = table.Column<string>(maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationComments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationComments_ConsultationId_State_SubmittedUtc",
                table: "ConsultationComments",
                columns: new[] { "ConsultationId", "State", "SubmittedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationComments");
        }
    }
}
