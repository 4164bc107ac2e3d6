using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SearchCommonQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchCommonQueries",
                columns: table => new
                {
                    Query = table.Column<string>(maxLength: 100, nullable: false),
                    Count = table.Column<long>(nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(nullable: false),
                    LastSeenUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchCommonQueries", x => x.Query);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchCommonQueries_Count",
                table: "SearchCommonQueries",
                column: "Count");

            migrationBuilder.CreateIndex(
                name: "IX_SearchCommonQueries_LastSeenUtc",
                table: "SearchCommonQueries",
                column: "LastSeenUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchCommonQueries");
        }
    }
}
