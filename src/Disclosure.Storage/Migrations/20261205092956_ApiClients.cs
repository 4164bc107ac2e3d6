using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ApiClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<string>(maxLength: 64, nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    AgencyCode = table.Column<string>(maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(maxLength: 50, nullable: true),
                    Scopes = table.Column<string>(maxLength: 500, nullable: false),
                    SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                    SecretGeneration = table.Column<int>(nullable: false),
                    PermitsPerMinute = table.Column<int>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    SecretRotatedUtc = table.Column<DateTime>(nullable: false),
                    RevokedUtc = table.Column<DateTime>(nullable: true),
                    RevokedBy = table.Column<string>(maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiIdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<string>(maxLength: 64, nullable: false),
                    Key = table.Column<string>(maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: true),
                    Body = table.Column<string>(nullable: true),
                    Location = table.Column<string>(maxLength: 500, nullable: true),
                    ETag = table.Column<string>(maxLength: 100, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiIdempotentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiClientTokens",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApiClientId = table.Column<long>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(nullable: false),
                    RevokedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClientTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiClientTokens_ApiClients_ApiClientId",
                        column: x => x.ApiClientId,
                        principalTable: "ApiClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_ClientId",
                table: "ApiClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiClientTokens_ApiClientId",
                table: "ApiClientTokens",
                column: "ApiClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiClientTokens_TokenHash",
                table: "ApiClientTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiIdempotentRequests_ClientId_Key",
                table: "ApiIdempotentRequests",
                columns: new[] { "ClientId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiIdempotentRequests_CreatedUtc",
                table: "ApiIdempotentRequests",
                column: "CreatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiClientTokens");

            migrationBuilder.DropTable(
                name: "ApiIdempotentRequests");

            migrationBuilder.DropTable(
                name: "ApiClients");
        }
    }
}
