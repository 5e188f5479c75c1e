namespace Assistant.Knowledge.Analysis;

/// <summary>
/// The stems a KB uses, with a symmetric-delete lookup (the SymSpell idea) to find the KB stem a mistyped one was meant to be.
/// Not thread-safe: the owner serialises writers against readers.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _surface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byPrefix = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _sorted = new(StringComparer.Ordinal);

    // Long stems by first letter and length: where two substituted letters ("паликлиника") are looked for when deletes find nothing.
    private readonly Dictionary<(char First, int Length), List<string>> _byShape = [];

    /// <summary>Stems sharing this many leading letters may be one family ("беременн-ая", "беременност-ь").</summary>
    public const int FamilyPrefix = 5;

    public int Count => _frequency.Count;

    public bool Contains(string stem) => _frequency.ContainsKey(stem);

    public int Frequency(string stem) => _frequency.GetValueOrDefault(stem);

    /// <summary>A word form the KB itself uses for the stem (for the clean text handed to embedders).</summary>
    public string SurfaceOf(string stem) => _surface.GetValueOrDefault(stem, stem);

    public void Add(string stem, string surface)
    {
        if (_frequency.TryGetValue(stem, out var count))
        {
            _frequency[stem] = count + 1;
            return;
        }

        _frequency[stem] = 1;
        _surface[stem] = surface;
        _sorted.Add(stem);
        if (stem.Length >= FamilyPrefix)
        {
            var prefix = stem[..FamilyPrefix];
            if (!_byPrefix.TryGetValue(prefix, out var family))
            {
                _byPrefix[prefix] = family = [];
            }

            family.Add(stem);
        }

        if (stem.Length < TypoPolicy.MinWordLength)
        {
            return;
        }

        if (stem.Length >= TypoPolicy.MinScannedLength)
        {
            if (!_byShape.TryGetValue((stem[0], stem.Length), out var shaped))
            {
                _byShape[(stem[0], stem.Length)] = shaped = [];
            }

            shaped.Add(stem);
        }

        foreach (var delete in Deletes(stem))
        {
            if (!_deletes.TryGetValue(delete, out var list))
            {
                _deletes[delete] = list = [];
            }

            list.Add(stem);
        }
    }

    /// <summary>The closest KB stem within the allowed edit distance, most frequent on a tie; null when none is close enough.</summary>
    public string? Correct(string stem)
    {
        if (stem.Length is < TypoPolicy.MinWordLength or > TypoPolicy.MaxWordLength)
        {
            return null;
        }

        var maxDistance = TypoPolicy.MaxDistance(stem.Length);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (_deletes.TryGetValue(stem, out var direct))
        {
            candidates.UnionWith(direct);
        }

        foreach (var delete in Deletes(stem))
        {
            if (_frequency.ContainsKey(delete))
            {
                candidates.Add(delete);
            }

            if (_deletes.TryGetValue(delete, out var list))
            {
                candidates.UnionWith(list);
            }
        }

        // Symmetric deletes of one letter miss two substitutions in one word; a long word gets a scan of KB stems of its shape.
        if (candidates.Count == 0 && maxDistance >= 2 && stem.Length >= TypoPolicy.MinScannedLength)
        {
            for (var length = stem.Length - maxDistance; length <= stem.Length + maxDistance; length++)
            {
                if (_byShape.TryGetValue((stem[0], length), out var shaped))
                {
                    candidates.UnionWith(shaped);
                }
            }
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.DamerauLevenshtein(stem, candidate, maxDistance);
            if (distance > maxDistance)
            {
                continue;
            }

            var frequency = _frequency[candidate];
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                best = candidate;
                bestDistance = distance;
                bestFrequency = frequency;
            }
        }

        return best;
    }

    /// <summary>
    /// KB stems of the same word family as an unknown stem: a long shared beginning (derivation: "уколоться" → "укол" is too short,
    /// "беременной" → "беременност" qualifies). Most frequent first, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<string> FamilyOf(string stem, int limit = 3)
    {
        if (stem.Length < FamilyPrefix || !_byPrefix.TryGetValue(stem[..FamilyPrefix], out var family))
        {
            return [];
        }

        return family
            .Where(t => t != stem && CommonPrefix(t, stem) >= Math.Max(FamilyPrefix, (int)Math.Ceiling(0.75 * Math.Min(t.Length, stem.Length))))
            .OrderByDescending(t => _frequency[t])
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// The KB stems <paramref name="stem"/> is a clipping of: they begin with it and are at least three letters longer, most
    /// frequent first (at most three). Stems shorter than four letters clip too many words to say which.
    /// </summary>
    public IReadOnlyList<string> Completions(string stem) =>
        stem.Length < TypoPolicy.MinWordLength
            ? []
            : [.. _sorted.GetViewBetween(stem, stem + char.MaxValue)
                .Where(t => t.Length >= stem.Length + 3 && t.StartsWith(stem, StringComparison.Ordinal))
                .OrderByDescending(t => _frequency[t])
                .Take(3)];

    /// <summary>KB stems that begin with <paramref name="prefix"/> and are longer than it, most frequent first.</summary>
    public IReadOnlyList<string> StemsStartingWith(string prefix, int limit)
    {
        return _sorted.GetViewBetween(prefix, prefix + char.MaxValue)
            .Where(t => t.Length > prefix.Length && t.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(t => _frequency[t])
            .Take(limit)
            .ToList();
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
