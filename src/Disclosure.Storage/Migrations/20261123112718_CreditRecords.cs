using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CreditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditLicences",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionDocumentName = table.Column<string>(maxLength: 200, nullable: false),
                    Category = table.Column<string>(maxLength: 16, nullable: false),
                    CertificateName = table.Column<string>(maxLength: 200, nullable: true),
                    LicenceNumber = table.Column<string>(maxLength: 128, nullable: true),
                    Content = table.Column<string>(maxLength: 4000, nullable: false),
                    ValidFrom = table.Column<DateOnly>(nullable: false),
                    ValidUntil = table.Column<DateOnly>(nullable: false),
                    CurrentState = table.Column<string>(maxLength: 16, nullable: false),
                    Status = table.Column<string>(maxLength: 16, nullable: false),
                    PartyName = table.Column<string>(maxLength: 200, nullable: false),
                    PartyKind = table.Column<string>(maxLength: 24, nullable: false),
                    CreditCode = table.Column<string>(maxLength: 18, nullable: true),
                    BusinessRegistrationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    OrganisationCode = table.Column<string>(maxLength: 50, nullable: true),
                    TaxRegistrationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    InstitutionCertificateNumber = table.Column<string>(maxLength: 50, nullable: true),
                    SocialOrganisationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    LegalRepresentative = table.Column<string>(maxLength: 50, nullable: true),
                    LegalRepresentativeIdType = table.Column<string>(maxLength: 32, nullable: true),
                    LegalRepresentativeIdNumber = table.Column<string>(maxLength: 64, nullable: true),
                    IdType = table.Column<string>(maxLength: 32, nullable: true),
                    IdNumber = table.Column<string>(maxLength: 64, nullable: true),
                    PublicPartyName = table.Column<string>(maxLength: 200, nullable: false),
                    DecisionNumber = table.Column<string>(maxLength: 128, nullable: false),
                    DecisionNumberKey = table.Column<string>(maxLength: 128, nullable: false),
                    DecisionDate = table.Column<DateOnly>(nullable: false),
                    Authority = table.Column<string>(maxLength: 200, nullable: false),
                    AuthorityCreditCode = table.Column<string>(maxLength: 18, nullable: false),
                    SourceUnit = table.Column<string>(maxLength: 200, nullable: false),
                    SourceUnitCreditCode = table.Column<string>(maxLength: 18, nullable: false),
                    Remarks = table.Column<string>(maxLength: 512, nullable: true),
                    PartyIsMinor = table.Column<bool>(nullable: false),
                    InvolvesSecrets = table.Column<bool>(nullable: false),
                    ImportBatch = table.Column<string>(maxLength: 36, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    PublishedUtc = table.Column<DateTime>(nullable: true),
                    PublishedBy = table.Column<string>(maxLength: 256, nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(nullable: true),
                    WithdrawnBy = table.Column<string>(maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(maxLength: 500, nullable: true),
                    DecisionChangedOn = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditLicences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditPenalties",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ViolationType = table.Column<string>(maxLength: 2000, nullable: false),
                    ViolationFacts = table.Column<string>(maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(maxLength: 2000, nullable: false),
                    Categories = table.Column<string>(maxLength: 200, nullable: false),
                    Content = table.Column<string>(maxLength: 4000, nullable: false),
                    FineAmount = table.Column<long>(nullable: true),
                    ConfiscatedAmount = table.Column<long>(nullable: true),
                    SuspendedLicence = table.Column<string>(maxLength: 200, nullable: true),
                    PenaltyValidUntil = table.Column<DateOnly>(nullable: true),
                    PublicationEnd = table.Column<DateOnly>(nullable: false),
                    Severity = table.Column<string>(maxLength: 16, nullable: false),
                    RepairedUtc = table.Column<DateTime>(nullable: true),
                    RepairedBy = table.Column<string>(maxLength: 256, nullable: true),
                    RepairReason = table.Column<string>(maxLength: 500, nullable: true),
                    Status = table.Column<string>(maxLength: 16, nullable: false),
                    PartyName = table.Column<string>(maxLength: 200, nullable: false),
                    PartyKind = table.Column<string>(maxLength: 24, nullable: false),
                    CreditCode = table.Column<string>(maxLength: 18, nullable: true),
                    BusinessRegistrationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    OrganisationCode = table.Column<string>(maxLength: 50, nullable: true),
                    TaxRegistrationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    InstitutionCertificateNumber = table.Column<string>(maxLength: 50, nullable: true),
                    SocialOrganisationNumber = table.Column<string>(maxLength: 50, nullable: true),
                    LegalRepresentative = table.Column<string>(maxLength: 50, nullable: true),
                    LegalRepresentativeIdType = table.Column<string>(maxLength: 32, nullable: true),
                    LegalRepresentativeIdNumber = table.Column<string>(maxLength: 64, nullable: true),
                    IdType = table.Column<string>(maxLength: 32, nullable: true),
                    IdNumber = table.Column<string>(maxLength: 64, nullable: true),
                    PublicPartyName = table.Column<string>(maxLength: 200, nullable: false),
                    DecisionNumber = table.Column<string>(maxLength: 128, nullable: false),
                    DecisionNumberKey = table.Column<string>(maxLength: 128, nullable: false),
                    DecisionDate = table.Column<DateOnly>(nullable: false),
                    Authority = table.Column<string>(maxLength: 200, nullable: false),
                    AuthorityCreditCode = table.Column<string>(maxLength: 18, nullable: false),
                    SourceUnit = table.Column<string>(maxLength: 200, nullable: false),
                    SourceUnitCreditCode = table.Column<string>(maxLength: 18, nullable: false),
                    Remarks = table.Column<string>(maxLength: 512, nullable: true),
                    PartyIsMinor = table.Column<bool>(nullable: false),
                    InvolvesSecrets = table.Column<bool>(nullable: false),
                    ImportBatch = table.Column<string>(maxLength: 36, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    PublishedUtc = table.Column<DateTime>(nullable: true),
                    PublishedBy = table.Column<string>(maxLength: 256, nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(nullable: true),
                    WithdrawnBy = table.Column<string>(maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(maxLength: 500, nullable: true),
                    DecisionChangedOn = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPenalties", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_CreditCode",
                table: "CreditLicences",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_CurrentDecisionNumber",
                table: "CreditLicences",
                column: "DecisionNumberKey",
                unique: true,
                filter: "\"Status\" <> 'Withdrawn'");

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_ImportBatch",
                table: "CreditLicences",
                column: "ImportBatch");

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_PublicPartyName",
                table: "CreditLicences",
                column: "PublicPartyName");

            migrationBuilder.CreateIndex(
                name: "IX_CreditLicences_Status_DecisionDate",
                table: "CreditLicences",
                columns: new[] { "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_CreditCode",
                table: "CreditPenalties",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_CurrentDecisionNumber",
                table: "CreditPenalties",
                column: "DecisionNumberKey",
                unique: true,
                filter: "\"Status\" <> 'Withdrawn'");

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_ImportBatch",
                table: "CreditPenalties",
                column: "ImportBatch");

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_PublicPartyName",
                table: "CreditPenalties",
                column: "PublicPartyName");

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_Status_DecisionDate",
                table: "CreditPenalties",
                columns: new[] { "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditPenalties_Status_PublicationEnd",
                table: "CreditPenalties",
                columns: new[] { "Status", "PublicationEnd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditLicences");

            migrationBuilder.DropTable(
                name: "CreditPenalties");
        }
    }
}
