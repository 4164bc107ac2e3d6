using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ContentOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgencyCode",
                table: "ContentItems",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // An item belongs to the agency its latest version names as 发布机构; an item without one (or naming an
            // agency that is gone) belongs to the installation's own agency, else the first by code, as in AgencyTree.
            migrationBuilder.Sql("""
                UPDATE "ContentItems" SET "AgencyCode" = COALESCE(
                    (SELECT v."AgencyCode" FROM "ContentVersions" v
                     WHERE v."ItemId" = "ContentItems"."Id" AND v."Number" = "ContentItems"."LatestVersionNumber"
                       AND v."AgencyCode" IN (SELECT a."Code" FROM "Agencies" a)),
                    (SELECT s."Value" FROM "SiteSettings" s WHERE s."Name" = 'Identity.AgencyCode' AND s."Value" IN (SELECT a."Code" FROM "Agencies" a)),
                    (SELECT MIN(a."Code") FROM "Agencies" a),
                    '')
                WHERE "AgencyCode" = ''
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AgencyCode",
                table: "ContentItems",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_AgencyCode",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "AgencyCode",
                table: "ContentItems");
        }
    }
}
