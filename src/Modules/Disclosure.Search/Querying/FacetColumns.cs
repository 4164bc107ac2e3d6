using System.Runtime.CompilerServices;
using Disclosure.Search.Indexing;
using Lucene.Net.Index;

namespace Disclosure.Search.Querying;

/// <summary>
/// The facet fields of one index segment as plain arrays of ordinals, read from the doc values once per segment
/// and kept for as long as the segment lives. Counting facets then costs a few array reads per match instead of
/// four doc-values look-ups (each a virtual call into packed, on-disk data), which is what kept the service at
/// several times a bare search on queries matching much of the index.
/// <para>
/// A segment never changes once written (deletes aside, which the scorer already skips), so the arrays stay right
/// for its whole life; they are keyed on the segment's core, which a near-real-time reopen keeps, and dropped with it.
/// </para>
/// </summary>
internal sealed class FacetColumns
{
    private static readonly ConditionalWeakTable<object, FacetColumns> BySegment = [];

    private FacetColumns(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        // Doc values instances belong to the thread that asked for them: these are used here and let go.
        TypeOrds = Ordinals(reader.GetSortedDocValues(SearchFields.ContentType), count);
        AgencyOrds = Ordinals(reader.GetSortedDocValues(SearchFields.Agency), count);
        var catalogue = reader.GetSortedSetDocValues(SearchFields.Catalogue);

        YearValues = new short[count];
        if (reader.GetNumericDocValues(SearchFields.Year) is { } years)
        {
            for (var doc = 0; doc < count; doc++)
            {
                YearValues[doc] = (short)years.Get(doc);
            }
        }

        // The 目录 codes of doc d are CatalogueOrds[CatalogueStarts[d] .. CatalogueStarts[d + 1]].
        CatalogueStarts = new int[count + 1];
        var ords = new List<int>(count * 2);
        for (var doc = 0; doc < count; doc++)
        {
            CatalogueStarts[doc] = ords.Count;
            if (catalogue is null)
            {
                continue;
            }

            catalogue.SetDocument(doc);
            for (var ord = catalogue.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = catalogue.NextOrd())
            {
                ords.Add((int)ord);
            }
        }

        CatalogueStarts[count] = ords.Count;
        CatalogueOrds = [.. ords];
    }

    /// <summary>Per document: the content type's ordinal, or -1.</summary>
    public int[] TypeOrds { get; }

    /// <summary>Per document: the 发布机构's ordinal, or -1.</summary>
    public int[] AgencyOrds { get; }

    /// <summary>Per document: the Beijing year of the 发布日期, or 0.</summary>
    public short[] YearValues { get; }

    public int[] CatalogueStarts { get; }

    public int[] CatalogueOrds { get; }

    public static FacetColumns Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => new FacetColumns(reader));

    private static int[] Ordinals(SortedDocValues? values, int count)
    {
        var ords = new int[count];
        for (var doc = 0; doc < count; doc++)
        {
            ords[doc] = values?.GetOrd(doc) ?? -1;
        }

        return ords;
    }
}
