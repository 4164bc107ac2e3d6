using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AgencyRolesAndCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActingAgencyCode",
                table: "AspNetUsers",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyCalendarDays",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
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
                    table.PrimaryKey("PK_AgencyCalendarDays", x => new { x.AgencyCode, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "AgencyMemberships",
                columns: table => new
                {
                    UserId = table.Column<string>(maxLength: 450, nullable: false),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 64, nullable: true),
                    GrantedBy = table.Column<string>(maxLength: 256, nullable: false),
                    GrantedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyMemberships", x => new { x.UserId, x.AgencyCode });
                    table.ForeignKey(
                        name: "FK_AgencyMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyMembershipRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(maxLength: 450, nullable: false),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    RoleName = table.Column<string>(maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyMembershipRoles", x => new { x.UserId, x.AgencyCode, x.RoleName });
                    table.ForeignKey(
                        name: "FK_AgencyMembershipRoles_AgencyMemberships_UserId_AgencyCode",
                        columns: x => new { x.UserId, x.AgencyCode },
                        principalTable: "AgencyMemberships",
                        principalColumns: new[] { "UserId", "AgencyCode" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCalendarDays_AgencyCode_Year",
                table: "AgencyCalendarDays",
                columns: new[] { "AgencyCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyMemberships_AgencyCode",
                table: "AgencyMemberships",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyCalendarDays");

            migrationBuilder.DropTable(
                name: "AgencyMembershipRoles");

            migrationBuilder.DropTable(
                name: "AgencyMemberships");

            migrationBuilder.DropColumn(
                name: "ActingAgencyCode",
                table: "AspNetUsers");
        }
    }
}
