using System.Collections;

// Scaffolds a migration for Disclosure.Storage, as `dotnet ef migrations add NAME` would, and then makes it
// provider-neutral so SQLite and PostgreSQL run the same migration:
//   dotnet run --project tools/Disclosure.MigrationTool -- NAME
// The design-time context is SQLite (see DesignTimeDbContextFactory); the explicit store types it writes
// ("TEXT", "INTEGER") are removed so each provider maps CLR types itself, and PostgreSQL's identity annotation
// is added beside SQLite's autoincrement one.
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Design;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Disclosure.MigrationTool <MigrationName>");
    return 2;
}

var repoRoot = FindRepoRoot();
var projectDir = Path.Combine(repoRoot, "src", "Disclosure.Storage");
var reporter = new OperationReportHandler(
    error => Console.Error.WriteLine("error: " + error),
    warning => Console.Error.WriteLine("warning: " + warning),
    info => Console.WriteLine(info),
    _ => { });
var executor = new OperationExecutor(reporter, new Dictionary<string, object?>
{
    ["targetName"] = "Disclosure.Storage",
    ["startupTargetName"] = typeof(Program).Assembly.GetName().Name,
    ["projectDir"] = projectDir,
    ["rootNamespace"] = "Disclosure.Storage",
    ["language"] = "C#",
    ["nullable"] = true,
    ["toolsVersion"] = "10.0.15",
    ["remainingArguments"] = Array.Empty<string>(),
});

IDictionary? files = null;
var result = new OperationResultHandler();
_ = new OperationExecutor.AddMigration(executor, result, new Dictionary<string, object?>
{
    ["name"] = args[0],
    ["outputDir"] = "Migrations",
    ["contextType"] = "DisclosureDbContext",
    ["namespace"] = "Disclosure.Storage.Migrations",
});
if (result.ErrorType is not null)
{
    Console.Error.WriteLine(result.ErrorMessage);
    Console.Error.WriteLine(result.ErrorStackTrace);
    return 1;
}

files = result.Result as IDictionary;
var migrationFile = files?["MigrationFile"] as string ?? throw new InvalidOperationException("No migration file was written.");
var code = File.ReadAllText(migrationFile);
code = Regex.Replace(code, @"type: ""[^""]+"",\s*", string.Empty);
code = code.Replace(
    ".Annotation(\"Sqlite:Autoincrement\", true)",
    ".Annotation(\"Sqlite:Autoincrement\", true)\n                        .Annotation(\"Npgsql:ValueGenerationStrategy\", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)");
File.WriteAllText(migrationFile, code);
Console.WriteLine("Wrote " + migrationFile);

// The target model (Designer) and the snapshot must not name store types either: the SQL generator looks
// column types up in the target model, and "TEXT" there would make PostgreSQL store instants as text.
foreach (var key in new[] { "MetadataFile", "SnapshotFile" })
{
    if (files?[key] is string modelFile)
    {
        File.WriteAllText(modelFile, Regex.Replace(File.ReadAllText(modelFile), @"\s*\.HasColumnType\(""[^""]+""\)", string.Empty));
    }
}

// The scaffolder places the snapshot by namespace; keep it beside the migrations.
if (files?["SnapshotFile"] is string snapshotFile)
{
    var target = Path.Combine(Path.GetDirectoryName(migrationFile)!, Path.GetFileName(snapshotFile));
    if (Path.GetFullPath(snapshotFile) != Path.GetFullPath(target))
    {
        File.Move(snapshotFile, target, overwrite: true);
        Directory.Delete(Path.Combine(projectDir, "Disclosure"), recursive: true);
    }
}
return 0;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Disclosure.sln not found above " + AppContext.BaseDirectory);
}
