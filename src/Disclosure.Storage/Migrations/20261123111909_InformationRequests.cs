using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InformationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaptchaChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(maxLength: 32, nullable: false),
                    Answer = table.Column<string>(maxLength: 8, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaptchaChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(maxLength: 16, nullable: false),
                    TrackingCode = table.Column<string>(maxLength: 16, nullable: false),
                    Channel = table.Column<string>(maxLength: 16, nullable: false),
                    Kind = table.Column<string>(maxLength: 24, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(nullable: false),
                    RegisteredUtc = table.Column<DateTime>(nullable: false),
                    RegisteredBy = table.Column<string>(maxLength: 256, nullable: false),
                    Description = table.Column<string>(maxLength: 2000, nullable: false),
                    DocumentReference = table.Column<string>(maxLength: 100, nullable: true),
                    Form = table.Column<string>(maxLength: 16, nullable: false),
                    Delivery = table.Column<string>(maxLength: 16, nullable: false),
                    Stage = table.Column<string>(maxLength: 24, nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 64, nullable: true),
                    ClockStartOn = table.Column<DateOnly>(nullable: false),
                    CorrectionRequestedOn = table.Column<DateOnly>(nullable: true),
                    CorrectionNote = table.Column<string>(maxLength: 1000, nullable: true),
                    CorrectionReceivedOn = table.Column<DateOnly>(nullable: true),
                    ExtensionDays = table.Column<int>(nullable: false),
                    ExtendedOn = table.Column<DateOnly>(nullable: true),
                    ExtensionReason = table.Column<string>(maxLength: 500, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(maxLength: 100, nullable: true),
                    Outcome = table.Column<string>(maxLength: 40, nullable: true),
                    ClosedOn = table.Column<DateOnly>(nullable: true),
                    ClosedBy = table.Column<string>(maxLength: 256, nullable: true),
                    ReplyText = table.Column<string>(maxLength: 4000, nullable: true),
                    ConcurrencyStamp = table.Column<string>(maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                    FiledOn = table.Column<DateOnly>(nullable: false),
                    Authority = table.Column<string>(maxLength: 200, nullable: false),
                    CaseNumber = table.Column<string>(maxLength: 100, nullable: true),
                    Result = table.Column<string>(maxLength: 16, nullable: false),
                    DecidedOn = table.Column<DateOnly>(nullable: true),
                    RecordedBy = table.Column<string>(maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequestAppeals_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestApplicants",
                columns: table => new
                {
                    RequestId = table.Column<long>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    IdType = table.Column<string>(maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(maxLength: 20, nullable: false),
                    LegalRepresentative = table.Column<string>(maxLength: 50, nullable: true),
                    ContactName = table.Column<string>(maxLength: 50, nullable: true),
                    Phone = table.Column<string>(maxLength: 20, nullable: false),
                    Address = table.Column<string>(maxLength: 200, nullable: false),
                    PostalCode = table.Column<string>(maxLength: 6, nullable: true),
                    Email = table.Column<string>(maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestApplicants", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_InformationRequestApplicants_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestConsultations",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(nullable: false),
                    ThirdParty = table.Column<string>(maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(nullable: false),
                    RepliedOn = table.Column<DateOnly>(nullable: true),
                    StartedBy = table.Column<string>(maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestConsultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequestConsultations_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(nullable: false),
                    FileName = table.Column<string>(maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(nullable: false),
                    Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequestDocuments_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaptchaChallenges_ExpiresUtc",
                table: "CaptchaChallenges",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequestAppeals_RequestId",
                table: "InformationRequestAppeals",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequestConsultations_RequestId",
                table: "InformationRequestConsultations",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequestDocuments_RequestId",
                table: "InformationRequestDocuments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ClosedOn",
                table: "InformationRequests",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_Number",
                table: "InformationRequests",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ReceivedOn",
                table: "InformationRequests",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_Stage_ReceivedOn",
                table: "InformationRequests",
                columns: new[] { "Stage", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_TrackingCode",
                table: "InformationRequests",
                column: "TrackingCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaptchaChallenges");

            migrationBuilder.DropTable(
                name: "InformationRequestAppeals");

            migrationBuilder.DropTable(
                name: "InformationRequestApplicants");

            migrationBuilder.DropTable(
                name: "InformationRequestConsultations");

            migrationBuilder.DropTable(
                name: "InformationRequestDocuments");

            migrationBuilder.DropTable(
                name: "InformationRequests");
        }
    }
}
