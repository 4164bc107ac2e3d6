using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class WorkingDayCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Kind = table.Column<string>(maxLength: 24, nullable: false),
                    Name = table.Column<string>(maxLength: 50, nullable: false),
                    Source = table.Column<string>(maxLength: 100, nullable: true),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Year",
                table: "CalendarDays",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");
        }
    }
}
