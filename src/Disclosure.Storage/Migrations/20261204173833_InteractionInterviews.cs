using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InteractionInterviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InterviewQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                    Name = table.Column<string>(maxLength: 30, nullable: true),
                    Contact = table.Column<string>(maxLength: 100, nullable: true),
                    Text = table.Column<string>(maxLength: 1000, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(nullable: false),
                    State = table.Column<int>(nullable: false),
                    ModeratedBy = table.Column<string>(maxLength: 100, nullable: true),
                    ModeratedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InterviewEntries",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(maxLength: 64, nullable: false),
                    Kind = table.Column<int>(nullable: false),
                    Speaker = table.Column<string>(maxLength: 200, nullable: true),
                    QuestionId = table.Column<long>(nullable: true),
                    Text = table.Column<string>(maxLength: 5000, nullable: false),
                    PicturePath = table.Column<string>(maxLength: 300, nullable: true),
                    PictureAlt = table.Column<string>(maxLength: 200, nullable: true),
                    Sequence = table.Column<long>(nullable: true),
                    PublishedUtc = table.Column<DateTime>(nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(nullable: true),
                    PostedBy = table.Column<string>(maxLength: 100, nullable: false),
                    PostedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewEntries_InterviewQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "InterviewQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewEntries_ContentItemId_Sequence",
                table: "InterviewEntries",
                columns: new[] { "ContentItemId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewEntries_QuestionId",
                table: "InterviewEntries",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewQuestions_ContentItemId_State_Id",
                table: "InterviewQuestions",
                columns: new[] { "ContentItemId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterviewEntries");

            migrationBuilder.DropTable(
                name: "InterviewQuestions");
        }
    }
}
