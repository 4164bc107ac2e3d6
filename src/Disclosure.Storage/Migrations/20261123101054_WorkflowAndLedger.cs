using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledUtc",
                table: "ContentVersions",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Ledger",
                columns: table => new
                {
                    Sequence = table.Column<long>(nullable: false),
                    OccurredUtc = table.Column<DateTime>(nullable: false),
                    Actor = table.Column<string>(maxLength: 256, nullable: false),
                    Action = table.Column<string>(maxLength: 32, nullable: false),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: true),
                    VersionNumber = table.Column<int>(nullable: true),
                    ContentHash = table.Column<string>(maxLength: 64, nullable: true),
                    Detail = table.Column<string>(maxLength: 1000, nullable: true),
                    PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ledger", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ReviewChains",
                columns: table => new
                {
                    Name = table.Column<string>(maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                    DefinitionJson = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewChains", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(nullable: false),
                    VersionId = table.Column<long>(nullable: false),
                    VersionNumber = table.Column<int>(nullable: false),
                    ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                    ChainName = table.Column<string>(maxLength: 64, nullable: false),
                    ChainJson = table.Column<string>(nullable: false),
                    State = table.Column<string>(maxLength: 16, nullable: false),
                    CurrentStep = table.Column<int>(nullable: false),
                    CurrentStepSinceUtc = table.Column<DateTime>(nullable: false),
                    Emergency = table.Column<bool>(nullable: false),
                    SubmittedBy = table.Column<string>(maxLength: 256, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(nullable: false),
                    CompletedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_ContentItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_ContentVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ContentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecrecyKeywords",
                columns: table => new
                {
                    Keyword = table.Column<string>(maxLength: 50, nullable: false),
                    AddedBy = table.Column<string>(maxLength: 256, nullable: true),
                    AddedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecrecyKeywords", x => x.Keyword);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<long>(nullable: false),
                    StepIndex = table.Column<int>(nullable: false),
                    StepName = table.Column<string>(maxLength: 64, nullable: false),
                    Decision = table.Column<string>(maxLength: 16, nullable: false),
                    UserName = table.Column<string>(maxLength: 256, nullable: false),
                    Opinion = table.Column<string>(maxLength: 1000, nullable: true),
                    DecidedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecrecyFindings",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<long>(nullable: false),
                    Kind = table.Column<string>(maxLength: 32, nullable: false),
                    FieldPath = table.Column<string>(maxLength: 300, nullable: false),
                    Location = table.Column<string>(maxLength: 300, nullable: false),
                    Index = table.Column<int>(nullable: false),
                    Length = table.Column<int>(nullable: false),
                    Match = table.Column<string>(maxLength: 200, nullable: false),
                    ProposedMask = table.Column<string>(maxLength: 200, nullable: false),
                    Description = table.Column<string>(maxLength: 100, nullable: false),
                    Resolution = table.Column<string>(maxLength: 16, nullable: false),
                    ResolvedBy = table.Column<string>(maxLength: 256, nullable: true),
                    ResolvedUtc = table.Column<DateTime>(nullable: true),
                    Reason = table.Column<string>(maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecrecyFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecrecyFindings_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_Status_ScheduledUtc",
                table: "ContentVersions",
                columns: new[] { "Status", "ScheduledUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ledger_ContentItemId",
                table: "Ledger",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_ReviewId",
                table: "ReviewDecisions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ItemId",
                table: "Reviews",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_State_CurrentStep",
                table: "Reviews",
                columns: new[] { "State", "CurrentStep" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_VersionId",
                table: "Reviews",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SecrecyFindings_ReviewId",
                table: "SecrecyFindings",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ledger");

            migrationBuilder.DropTable(
                name: "ReviewChains");

            migrationBuilder.DropTable(
                name: "ReviewDecisions");

            migrationBuilder.DropTable(
                name: "SecrecyFindings");

            migrationBuilder.DropTable(
                name: "SecrecyKeywords");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_ContentVersions_Status_ScheduledUtc",
                table: "ContentVersions");

            migrationBuilder.DropColumn(
                name: "ScheduledUtc",
                table: "ContentVersions");
        }
    }
}
