namespace Disclosure.Search.Tests.Relevance;

/// <summary>The metric itself, pinned on examples worked out by hand.</summary>
public sealed class NdcgTests
{
    private static readonly Dictionary<string, int> Gains = new() { ["a"] = 2, ["b"] = 1, ["c"] = 1, ["d"] = 2 };

    [Fact]
    public void A_ranking_is_scored_against_the_ideal_order_of_its_judged_gains()
    {
        // DCG  = 2/log2(2) + 0/log2(3) + 1/log2(4) + 1/log2(5)          = 2 + 0 + 0.5 + 0.4306766 = 2.9306766
        // IDCG = 2/log2(2) + 2/log2(3) + 1/log2(4) + 1/log2(5) (a d b c) = 2 + 1.2618595 + 0.5 + 0.4306766 = 4.1925361
        // nDCG = 2.9306766 / 4.1925361 = 0.6990224
        Assert.Equal(2.9306766, Ndcg.Dcg([2, 0, 1, 1]), 6);
        Assert.Equal(0.6990224, Ndcg.At(["a", "x", "b", "c"], Gains), 6);
    }

    [Fact]
    public void The_best_order_scores_one_and_no_judged_document_scores_zero()
    {
        Assert.Equal(1.0, Ndcg.At(["d", "a", "b", "c", "x"], Gains), 12);
        Assert.Equal(1.0, Ndcg.At(["a", "d", "c", "b"], Gains), 12); // equal gains may come in either order
        Assert.Equal(0.0, Ndcg.At(["x", "y"], Gains));
        Assert.Equal(0.0, Ndcg.At([], Gains));
    }

    [Fact]
    public void Only_the_first_ten_count_and_a_repeated_document_counts_once()
    {
        var one = new Dictionary<string, int> { ["a"] = 1 };
        var tenOthers = Enumerable.Range(0, 10).Select(i => "x" + i).ToList();
        Assert.Equal(0.0, Ndcg.At([.. tenOthers, "a"], one));
        Assert.Equal(1 / Math.Log2(11), Ndcg.At([.. tenOthers.Take(9), "a"], one), 12);
        Assert.Equal(1.0, Ndcg.At(["a", "a"], one), 12);
        Assert.Equal(1 / Math.Log2(3), Ndcg.At(["b", "a", "a"], new Dictionary<string, int> { ["a"] = 1, ["b"] = 0 }), 12);
    }

    [Fact]
    public void More_judged_documents_than_fit_in_ten_make_a_full_page_of_them_perfect()
    {
        var twelve = Enumerable.Range(0, 12).ToDictionary(i => "j" + i, _ => 1);
        Assert.Equal(1.0, Ndcg.At(Enumerable.Range(2, 10).Select(i => "j" + i).ToList(), twelve), 12);
    }

    [Fact]
    public void A_query_without_a_relevant_document_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Ndcg.At(["a"], new Dictionary<string, int> { ["a"] = 0 }));
    }
}
