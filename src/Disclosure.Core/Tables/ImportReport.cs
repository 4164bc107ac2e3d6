namespace Disclosure.Core.Tables;

/// <summary>
/// What a dry run (or a refused import) found: every problem counted, the first <see cref="MaxListedProblems"/>
/// listed (a file that is wrong throughout would otherwise make a report larger than the file).
/// </summary>
public sealed class ImportReport
{
    public const int MaxListedProblems = 10_000;

    private readonly HashSet<int> _badRows = [];

    /// <summary>Data rows read (blank rows are not counted).</summary>
    public int Rows { get; set; }

    /// <summary>Rows already in the database and left alone on purpose (a recipe applied again).</summary>
    public int Skipped { get; set; }

    public List<ImportProblem> Problems { get; } = [];

    public int ProblemCount { get; private set; }

    public int BadRows => _badRows.Count;

    public bool IsClean => ProblemCount == 0;

    public bool Truncated => ProblemCount > Problems.Count;

    public void Add(ImportProblem problem)
    {
        ProblemCount++;
        _badRows.Add(problem.Row);
        if (Problems.Count < MaxListedProblems)
        {
            Problems.Add(problem);
        }
    }
}
