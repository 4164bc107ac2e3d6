using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnforcementCaseKinds",
                columns: table => new
                {
                    Code = table.Column<string>(maxLength: 40, nullable: false),
                    Name = table.Column<string>(maxLength: 40, nullable: false),
                    Order = table.Column<int>(nullable: false),
                    DefinitionJson = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCaseKinds", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCases",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(maxLength: 50, nullable: false),
                    KindCode = table.Column<string>(maxLength: 40, nullable: false),
                    UnitName = table.Column<string>(maxLength: 100, nullable: false),
                    UnitContact = table.Column<string>(maxLength: 200, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(nullable: false),
                    StageCode = table.Column<string>(maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(nullable: false),
                    TypeCode = table.Column<string>(maxLength: 40, nullable: false),
                    DocumentName = table.Column<string>(maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(maxLength: 100, nullable: true),
                    Detail = table.Column<string>(maxLength: 200, nullable: true),
                    FormedOn = table.Column<DateOnly>(nullable: false),
                    VisibleUtc = table.Column<DateTime>(nullable: true),
                    Source = table.Column<string>(maxLength: 40, nullable: true),
                    SourceEventId = table.Column<string>(maxLength: 64, nullable: true),
                    RecordedUtc = table.Column<DateTime>(nullable: false),
                    RecordedBy = table.Column<string>(maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCaseEvents_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCaseParties",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(nullable: false),
                    RoleCode = table.Column<string>(maxLength: 40, nullable: false),
                    QueryCodeHash = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                    Notify = table.Column<bool>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCaseParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCaseParties_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCasePartyContacts",
                columns: table => new
                {
                    PartyId = table.Column<long>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(maxLength: 20, nullable: true),
                    Phone = table.Column<string>(maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCasePartyContacts", x => x.PartyId);
                    table.ForeignKey(
                        name: "FK_EnforcementCasePartyContacts_EnforcementCaseParties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "EnforcementCaseParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseEvents_CaseId_FormedOn",
                table: "EnforcementCaseEvents",
                columns: new[] { "CaseId", "FormedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseEvents_FormedOn",
                table: "EnforcementCaseEvents",
                column: "FormedOn");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseEvents_Source_SourceEventId",
                table: "EnforcementCaseEvents",
                columns: new[] { "Source", "SourceEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseEvents_VisibleUtc_FormedOn",
                table: "EnforcementCaseEvents",
                columns: new[] { "VisibleUtc", "FormedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseParties_CaseId",
                table: "EnforcementCaseParties",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseParties_QueryCodeHash",
                table: "EnforcementCaseParties",
                column: "QueryCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_AcceptedOn_KindCode_StageCode",
                table: "EnforcementCases",
                columns: new[] { "AcceptedOn", "KindCode", "StageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_Number",
                table: "EnforcementCases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_UnitName",
                table: "EnforcementCases",
                column: "UnitName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnforcementCaseEvents");

            migrationBuilder.DropTable(
                name: "EnforcementCaseKinds");

            migrationBuilder.DropTable(
                name: "EnforcementCasePartyContacts");

            migrationBuilder.DropTable(
                name: "EnforcementCaseParties");

            migrationBuilder.DropTable(
                name: "EnforcementCases");
        }
    }
}
