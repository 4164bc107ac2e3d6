using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReleasedFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every document stored before this migration is a generated reply letter.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "InformationRequestDocuments",
                maxLength: 16,
                nullable: false,
                defaultValue: "ReplyLetter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "InformationRequestDocuments");
        }
    }
}
