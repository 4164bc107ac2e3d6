using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BrokenLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BrokenLinks",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 64, nullable: true),
                    Url = table.Column<string>(maxLength: 2000, nullable: false),
                    UrlHash = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                    LinkText = table.Column<string>(maxLength: 200, nullable: true),
                    Kind = table.Column<string>(maxLength: 16, nullable: false),
                    StatusCode = table.Column<int>(nullable: true),
                    Reason = table.Column<string>(maxLength: 200, nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(nullable: false),
                    LastCheckedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrokenLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LinkCheckRuns",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Open = table.Column<string>(maxLength: 8, nullable: true),
                    RequestedBy = table.Column<string>(maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    Node = table.Column<string>(maxLength: 256, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                    StartedUtc = table.Column<DateTime>(nullable: true),
                    FinishedUtc = table.Column<DateTime>(nullable: true),
                    Cursor = table.Column<long>(nullable: false),
                    PassStartedUtc = table.Column<DateTime>(nullable: false),
                    ItemsChecked = table.Column<int>(nullable: false),
                    LinksChecked = table.Column<int>(nullable: false),
                    LinksSkipped = table.Column<int>(nullable: false),
                    StoppedAtLimit = table.Column<bool>(nullable: false),
                    Error = table.Column<string>(maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkCheckRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BrokenLinks_AgencyCode_DepartmentCode",
                table: "BrokenLinks",
                columns: new[] { "AgencyCode", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_BrokenLinks_ContentItemId_UrlHash",
                table: "BrokenLinks",
                columns: new[] { "ContentItemId", "UrlHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrokenLinks_LastCheckedUtc",
                table: "BrokenLinks",
                column: "LastCheckedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LinkCheckRuns_CreatedUtc",
                table: "LinkCheckRuns",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LinkCheckRuns_Open",
                table: "LinkCheckRuns",
                column: "Open",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrokenLinks");

            migrationBuilder.DropTable(
                name: "LinkCheckRuns");
        }
    }
}
