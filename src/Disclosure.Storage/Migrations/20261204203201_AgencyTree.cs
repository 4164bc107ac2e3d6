using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AgencyTree : Migration
    {
        private static readonly string[] OwnedTables = ["InformationRequests", "CreditLicences", "CreditPenalties", "EnforcementCases", "MailboxLetters"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "MailboxLetters",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "InformationRequests",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "EnforcementCases",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "CreditPenalties",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "CreditLicences",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsOnlineRequests",
                table: "Agencies",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentCode",
                table: "Agencies",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "Agencies",
                nullable: false,
                defaultValue: 0);

            // Records made before agencies were a tree belong to the installation's own agency (the one its site settings
            // name), else the first by code: nothing is left without an agency and nothing is dropped.
            foreach (var table in OwnedTables)
            {
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "AgencyCode" = COALESCE(
                        (SELECT s."Value" FROM "SiteSettings" s WHERE s."Name" = 'Identity.AgencyCode' AND s."Value" IN (SELECT a."Code" FROM "Agencies" a)),
                        (SELECT MIN(a."Code") FROM "Agencies" a),
                        '')
                    WHERE "AgencyCode" = ''
                    """);
            }

            migrationBuilder.CreateTable(
                name: "AgencySettings",
                columns: table => new
                {
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Value = table.Column<string>(maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencySettings", x => new { x.AgencyCode, x.Name });
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxLetters_AgencyCode_ReceivedMonth",
                table: "MailboxLetters",
                columns: new[] { "AgencyCode", "ReceivedMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyCode_ReceivedOn",
                table: "InformationRequests",
                columns: new[] { "AgencyCode", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_AgencyCode_AcceptedOn",
                table: "EnforcementCases",
                columns: new[] { "AgencyCode", "AcceptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_AgencyCode_Status_DecisionDate",
                table: "CreditPenalties",
                columns: new[] { "AgencyCode", "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_AgencyCode_Status_DecisionDate",
                table: "CreditLicences",
                columns: new[] { "AgencyCode", "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ParentCode",
                table: "Agencies",
                column: "ParentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencySettings");

            migrationBuilder.DropIndex(
                name: "IX_MailboxLetters_AgencyCode_ReceivedMonth",
                table: "MailboxLetters");

            migrationBuilder.DropIndex(
                name: "IX_InformationRequests_AgencyCode_ReceivedOn",
                table: "InformationRequests");

            migrationBuilder.DropIndex(
                name: "IX_EnforcementCases_AgencyCode_AcceptedOn",
                table: "EnforcementCases");

            migrationBuilder.DropIndex(
                name: "IX_CreditPenalties_AgencyCode_Status_DecisionDate",
                table: "CreditPenalties");

            migrationBuilder.DropIndex(
                name: "IX_CreditLicences_AgencyCode_Status_DecisionDate",
                table: "CreditLicences");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_ParentCode",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "MailboxLetters");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "InformationRequests");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "EnforcementCases");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "CreditPenalties");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "CreditLicences");

            migrationBuilder.DropColumn(
                name: "AcceptsOnlineRequests",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ParentCode",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "Agencies");
        }
    }
}
