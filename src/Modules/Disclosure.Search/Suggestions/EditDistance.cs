namespace Disclosure.Search.Suggestions;

/// <summary>Small edit distances for 您是不是要找: whole strings, and the best match of a query inside a longer title.</summary>
internal static class EditDistance
{
    /// <summary>Levenshtein distance with adjacent transpositions, or <paramref name="max"/> + 1 as soon as it must exceed it.</summary>
    public static int Between(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>
    /// The part of <paramref name="text"/> closest to <paramref name="query"/> (approximate substring matching: the
    /// match may start and end anywhere in the text), when it is within <paramref name="max"/> edits; among equally
    /// close parts the one as long as the query wins. 政府信息工开 in 关于政府信息公开工作的通知 gives 政府信息公开.
    /// </summary>
    public static (string Match, int Distance)? BestPart(string query, string text, int max)
    {
        var m = query.Length;
        var n = text.Length;
        if (m == 0 || n == 0)
        {
            return null;
        }

        // cost[i, j]: edits to turn query[..i] into some text[s..j]; start[i, j]: that s.
        var cost = new int[m + 1, n + 1];
        var start = new int[m + 1, n + 1];
        for (var j = 0; j <= n; j++)
        {
            start[0, j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            cost[i, 0] = i;
            for (var j = 1; j <= n; j++)
            {
                var substitute = cost[i - 1, j - 1] + (query[i - 1] == text[j - 1] ? 0 : 1);
                var skipQuery = cost[i - 1, j] + 1;    // a character of the query missing from the text
                var skipText = cost[i, j - 1] + 1;     // an extra character in the text
                if (substitute <= skipQuery && substitute <= skipText)
                {
                    cost[i, j] = substitute;
                    start[i, j] = start[i - 1, j - 1];
                }
                else if (skipQuery <= skipText)
                {
                    cost[i, j] = skipQuery;
                    start[i, j] = start[i - 1, j];
                }
                else
                {
                    cost[i, j] = skipText;
                    start[i, j] = start[i, j - 1];
                }
            }
        }

        (string Match, int Distance)? best = null;
        for (var j = 1; j <= n; j++)
        {
            var distance = cost[m, j];
            if (distance > max)
            {
                continue;
            }

            var part = text[start[m, j]..j];
            if (part.Length == 0)
            {
                continue;
            }

            if (best is not { } b || distance < b.Distance || (distance == b.Distance && Math.Abs(part.Length - m) < Math.Abs(b.Match.Length - m)))
            {
                best = (part, distance);
            }
        }

        return best;
    }
}
