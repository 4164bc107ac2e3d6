using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InteractionMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InteractionRatings",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reply = table.Column<int>(nullable: false),
                    SubjectId = table.Column<long>(nullable: false),
                    SubjectNumber = table.Column<string>(maxLength: 40, nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 64, nullable: true),
                    Rating = table.Column<int>(nullable: false),
                    Comment = table.Column<string>(maxLength: 500, nullable: true),
                    RatedUtc = table.Column<DateTime>(nullable: false),
                    RatedMonth = table.Column<int>(nullable: false),
                    FollowUp = table.Column<int>(nullable: false),
                    FollowUpNote = table.Column<string>(maxLength: 1000, nullable: true),
                    FollowUpBy = table.Column<string>(maxLength: 100, nullable: true),
                    FollowUpUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InteractionRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxLetters",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(maxLength: 20, nullable: false),
                    TrackingCode = table.Column<string>(maxLength: 12, nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Subject = table.Column<string>(maxLength: 100, nullable: false),
                    Body = table.Column<string>(maxLength: 5000, nullable: false),
                    MayPublish = table.Column<bool>(nullable: false),
                    ReceivedOn = table.Column<DateOnly>(nullable: false),
                    ReceivedMonth = table.Column<int>(nullable: false),
                    ReceivedUtc = table.Column<DateTime>(nullable: false),
                    Stage = table.Column<int>(nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 64, nullable: true),
                    ExtensionWorkingDays = table.Column<int>(nullable: false),
                    Reply = table.Column<string>(maxLength: 10000, nullable: true),
                    ReplyUnit = table.Column<string>(maxLength: 100, nullable: true),
                    RepliedOn = table.Column<DateOnly>(nullable: true),
                    RepliedMonth = table.Column<int>(nullable: true),
                    ReplyWorkingDays = table.Column<int>(nullable: true),
                    RepliedOnTime = table.Column<bool>(nullable: true),
                    PublicSubject = table.Column<string>(maxLength: 100, nullable: true),
                    PublicBody = table.Column<string>(maxLength: 5000, nullable: true),
                    PublicReply = table.Column<string>(maxLength: 10000, nullable: true),
                    PublishedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxLetters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxLetterAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LetterId = table.Column<long>(nullable: false),
                    FileName = table.Column<string>(maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxLetterAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailboxLetterAttachments_MailboxLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "MailboxLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailboxLetterSteps",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LetterId = table.Column<long>(nullable: false),
                    Action = table.Column<string>(maxLength: 40, nullable: false),
                    Note = table.Column<string>(maxLength: 1000, nullable: true),
                    Actor = table.Column<string>(maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxLetterSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailboxLetterSteps_MailboxLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "MailboxLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailboxLetterWriters",
                columns: table => new
                {
                    LetterId = table.Column<long>(nullable: false),
                    Name = table.Column<string>(maxLength: 50, nullable: false),
                    Phone = table.Column<string>(maxLength: 30, nullable: false),
                    IdNumber = table.Column<string>(maxLength: 30, nullable: true),
                    Email = table.Column<string>(maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxLetterWriters", x => x.LetterId);
                    table.ForeignKey(
                        name: "FK_MailboxLetterWriters_MailboxLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "MailboxLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionRatings_FollowUp",
                table: "InteractionRatings",
                column: "FollowUp");

            migrationBuilder.CreateIndex(
                name: "IX_InteractionRatings_RatedMonth_DepartmentCode_Rating",
                table: "InteractionRatings",
                columns: new[] { "RatedMonth", "DepartmentCode", "Rating" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionRatings_RatedMonth_Reply_Rating",
                table: "InteractionRatings",
                columns: new[] { "RatedMonth", "Reply", "Rating" });

            migrationBuilder.CreateIndex(
                name: "IX_InteractionRatings_Reply_SubjectId",
                table: "InteractionRatings",
                columns: new[] { "Reply", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetterAttachments_LetterId",
                table: "MailboxLetterAttachments",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_Number",
                table: "MailboxLetters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_PublishedUtc",
                table: "MailboxLetters",
                column: "PublishedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_ReceivedMonth_Kind",
                table: "MailboxLetters",
                columns: new[] { "ReceivedMonth", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_RepliedMonth_Kind_RepliedOnTime_ReplyWorkingDays",
                table: "MailboxLetters",
                columns: new[] { "RepliedMonth", "Kind", "RepliedOnTime", "ReplyWorkingDays" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_Stage_DepartmentCode",
                table: "MailboxLetters",
                columns: new[] { "Stage", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_TrackingCode",
                table: "MailboxLetters",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetterSteps_LetterId",
                table: "MailboxLetterSteps",
                column: "LetterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InteractionRatings");

            migrationBuilder.DropTable(
                name: "MailboxLetterAttachments");

            migrationBuilder.DropTable(
                name: "MailboxLetterSteps");

            migrationBuilder.DropTable(
                name: "MailboxLetterWriters");

            migrationBuilder.DropTable(
                name: "MailboxLetters");
        }
    }
}
