using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelTokens",
                columns: table => new
                {
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Value = table.Column<string>(maxLength: 1000, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelTokens", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Stream = table.Column<string>(maxLength: 300, nullable: false),
                    Channel = table.Column<string>(maxLength: 32, nullable: false),
                    Target = table.Column<string>(maxLength: 64, nullable: false),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(maxLength: 64, nullable: false),
                    VersionNumber = table.Column<int>(nullable: false),
                    ChangeSequence = table.Column<long>(nullable: false),
                    Kind = table.Column<string>(maxLength: 16, nullable: false),
                    IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                    State = table.Column<string>(maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(nullable: true),
                    LockToken = table.Column<string>(maxLength: 64, nullable: true),
                    LastAttemptUtc = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(maxLength: 1000, nullable: true),
                    SentUtc = table.Column<DateTime>(nullable: true),
                    RemoteId = table.Column<string>(maxLength: 200, nullable: true),
                    RemoteUrl = table.Column<string>(maxLength: 1000, nullable: true),
                    ProgressJson = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ContentItemId",
                table: "OutboxMessages",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_IdempotencyKey",
                table: "OutboxMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Stream_State",
                table: "OutboxMessages",
                columns: new[] { "Stream", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelTokens");

            migrationBuilder.DropTable(
                name: "OutboxMessages");
        }
    }
}
