namespace Disclosure.Search.Tests.Relevance;

/// <summary>
/// Normalised discounted cumulative gain at a cut-off (nDCG@k), the usual graded-relevance measure:
/// DCG@k = Σ gain(hit at rank i) / log2(i + 1) over ranks i = 1 … k, with linear gains (a document judged
/// 2 counts twice a document judged 1, unjudged documents 0); nDCG@k = DCG@k / IDCG@k, where IDCG@k is the DCG of
/// the judged documents in their best order (highest gain first). 1 is a perfect top k, 0 is no judged document in
/// it. Linear rather than exponential (2^gain − 1) gains because there are only two grades and the top-3 grade
/// should weigh twice, not three times, the top-10 grade.
/// </summary>
public static class Ndcg
{
    public const int Cutoff = 10;

    public static double At(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains, int cutoff = Cutoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoff, 1);
        var ideal = Dcg(gains.Values.Where(g => g > 0).OrderDescending(), cutoff);
        if (ideal == 0)
        {
            throw new ArgumentException("A judged query needs at least one document with a positive gain.", nameof(gains));
        }

        // A document listed twice (it should not be) counts once, where it first appears.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Dcg(ranked.Select(id => seen.Add(id) ? gains.GetValueOrDefault(id) : 0), cutoff) / ideal;
    }

    public static double Dcg(IEnumerable<int> gainsInRankOrder, int cutoff = Cutoff) =>
        gainsInRankOrder.Take(cutoff).Select((gain, index) => gain / Math.Log2(index + 2)).Sum();
}
