using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// BM25 over analysed terms, scored so that figures compare across questions: how much of the question's IDF mass a text explains
/// (query coverage, BM25 normalised by its best possible value) and how much of the text the question explains (text coverage).
/// Not thread-safe: the owner serialises writers against readers.
/// </summary>
internal sealed class LexicalIndex(float k1 = 1.2f, float b = 0.75f)
{
    private readonly List<IndexedText> _texts = [];
    private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
    private readonly List<float> _textMass = [];
    private readonly List<bool> _retired = [];
    private readonly List<int> _lengths = [];
    private long _totalLength;

    // IDF changes whenever a text is added; text masses are recomputed lazily after that.
    private int _version;
    private readonly List<int> _massVersion = [];

    public int Count => _texts.Count;

    public int Add(string articleId, IReadOnlyList<WeightedTerm> terms)
    {
        var id = _texts.Count;
        _texts.Add(new IndexedText(articleId, terms.ToArray()));
        _retired.Add(false);
        _lengths.Add(terms.Count);
        _textMass.Add(0f);
        _massVersion.Add(-1);
        _version++;
        _totalLength += terms.Count;
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term.Term, out var list))
            {
                _postings[term.Term] = list = [];
            }

            list.Add(new Posting(id, term.Weight));
        }

        return id;
    }

    public float Idf(string term)
    {
        var df = _postings.TryGetValue(term, out var list) ? list.Count : 0;
        return MathF.Log(1f + (_texts.Count - df + 0.5f) / (df + 0.5f));
    }

    public string ArticleOf(int textId) => _texts[textId].ArticleId;

    public IReadOnlyList<WeightedTerm> TermsOf(int textId) => _texts[textId].Terms;

    /// <summary>
    /// The query coverage <see cref="Search"/> would give a text with these terms, on this index's statistics: calibration scores
    /// an article's text without the phrasing it leaves out.
    /// </summary>
    public float QueryCoverageOf(IReadOnlyList<WeightedTerm> query, IReadOnlyList<WeightedTerm> textTerms)
    {
        if (query.Count == 0 || _texts.Count == 0)
        {
            return 0f;
        }

        var inText = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in textTerms)
        {
            inText[term.Term] = inText.GetValueOrDefault(term.Term) + term.Weight;
        }

        var averageLength = (float)_totalLength / _texts.Count;
        var tf = (k1 + 1f) / (1f + k1 * (1f - b + b * textTerms.Count / averageLength));
        float queryMass = 0f, bm25 = 0f;
        foreach (var term in query)
        {
            var idf = Idf(term.Term);
            queryMass += term.Weight * idf;
            bm25 += term.Weight * inText.GetValueOrDefault(term.Term) * idf * tf;
        }

        return queryMass > 0 ? Math.Min(1f, bm25 / queryMass) : 0f;
    }

    /// <summary>Takes a text out of results (it was replaced by a newer version); its terms stay in the statistics until the next rebuild.</summary>
    public void Retire(int textId) => _retired[textId] = true;

    public bool Knows(string term) => _postings.ContainsKey(term);

    /// <summary>
    /// The texts sharing a term with the query, with their coverage figures: the <paramref name="top"/> best by
    /// <paramref name="queryCoverageShare"/> × query coverage + the rest × text coverage (all of them when top is 0). On a large KB
    /// a common word touches thousands of texts, and only the best few can matter.
    /// </summary>
    public List<LexicalMatch> Search(IReadOnlyList<WeightedTerm> query, float queryCoverageShare = 1f, int top = 0)
    {
        var matches = new List<LexicalMatch>();
        if (query.Count == 0 || _texts.Count == 0)
        {
            return matches;
        }

        var averageLength = (float)_totalLength / _texts.Count;
        var queryMass = 0f;
        var idfs = new float[query.Count];
        for (var i = 0; i < query.Count; i++)
        {
            idfs[i] = Idf(query[i].Term);
            queryMass += query[i].Weight * idfs[i];
        }

        // Dense per-thread accumulators with a list of touched texts: no per-text hashing, no garbage, and only the touched
        // entries are cleared afterwards (a large KB's arrays are megabytes; a message touches a few thousand entries).
        var scratch = Scratch.For(_texts.Count);
        var (bm25, matchedMass, touched) = (scratch.Bm25, scratch.MatchedMass, scratch.Touched);
        try
        {
            var tfs = TermFrequencyFactors(averageLength);
            for (var i = 0; i < query.Count; i++)
            {
                if (!_postings.TryGetValue(query[i].Term, out var postings))
                {
                    continue;
                }

                var idf = idfs[i];
                var queryWeight = query[i].Weight * idf;
                foreach (ref readonly var posting in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings))
                {
                    var textId = posting.TextId;
                    if (matchedMass[textId] == 0f)
                    {
                        touched.Add(textId);
                    }

                    bm25[textId] += queryWeight * posting.Weight * tfs[textId];

                    // Never exactly zero once touched, so the check above stays true for later terms.
                    matchedMass[textId] += Math.Max(posting.Weight * idf, float.Epsilon);
                }
            }

            var best = top > 0 && touched.Count > top ? new PriorityQueue<LexicalMatch, float>(top + 1) : null;
            foreach (var textId in touched)
            {
                if (_retired[textId])
                {
                    continue;
                }

                var textMass = TextMass(textId);
                var match = new LexicalMatch(
                    textId,
                    Math.Min(1f, bm25[textId] / queryMass),
                    textMass > 0 ? Math.Min(1f, matchedMass[textId] / textMass) : 0f);
                if (best is null)
                {
                    matches.Add(match);
                    continue;
                }

                // A min-heap of the best so far: the weakest leaves when a better one comes.
                var score = queryCoverageShare * match.QueryCoverage + (1 - queryCoverageShare) * match.TextCoverage;
                if (best.Count == top && best.TryPeek(out _, out var weakest) && score <= weakest)
                {
                    continue;
                }

                best.Enqueue(match, score);
                if (best.Count > top)
                {
                    best.Dequeue();
                }
            }

            while (best is { Count: > 0 })
            {
                matches.Add(best.Dequeue());
            }
        }
        finally
        {
            foreach (var textId in touched)
            {
                bm25[textId] = 0f;
                matchedMass[textId] = 0f;
            }

            touched.Clear();
        }

        return matches;
    }

    /// <summary>BM25's length-normalised term frequency factor of each text, cached until the next text is added.</summary>
    private float[] TermFrequencyFactors(float averageLength)
    {
        var cached = _tfs;
        if (cached.Version == _version && cached.Factors.Length >= _texts.Count)
        {
            return cached.Factors;
        }

        var factors = new float[_texts.Count];
        for (var i = 0; i < factors.Length; i++)
        {
            factors[i] = (k1 + 1f) / (1f + k1 * (1f - b + b * _lengths[i] / averageLength));
        }

        // Benign race: readers computing at once each get a complete array; the last one stays.
        _tfs = (_version, factors);
        return factors;
    }

    private (int Version, float[] Factors) _tfs = (-1, []);

    /// <summary>Sum of weight × IDF over a text's terms, cached until the next text is added.</summary>
    private float TextMass(int textId)
    {
        if (_massVersion[textId] == _version)
        {
            return _textMass[textId];
        }

        var mass = 0f;
        foreach (var term in _texts[textId].Terms)
        {
            mass += term.Weight * Idf(term.Term);
        }

        // Benign race: concurrent readers may compute the same value twice; List indexer writes of floats/ints are atomic.
        _textMass[textId] = mass;
        _massVersion[textId] = _version;
        return mass;
    }

    private sealed record IndexedText(string ArticleId, WeightedTerm[] Terms);

    /// <summary>Zeroed accumulators of one thread, grown as the index grows; every search leaves them zeroed (and the list empty) again.</summary>
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;

        public float[] Bm25 { get; private init; } = [];

        public float[] MatchedMass { get; private init; } = [];

        /// <summary>The texts a search touched: on a large KB a common word touches tens of thousands, a list too big to make anew each search.</summary>
        public List<int> Touched { get; } = new(256);

        public static Scratch For(int texts)
        {
            if (_current is not { } scratch || scratch.Bm25.Length < texts)
            {
                var size = Math.Max(texts, (_current?.Bm25.Length ?? 0) * 2);
                _current = scratch = new Scratch { Bm25 = new float[size], MatchedMass = new float[size] };
            }

            return scratch;
        }
    }

    private readonly record struct Posting(int TextId, float Weight);
}

/// <summary>QueryCoverage: normalised BM25 (share of the question explained); TextCoverage: share of the indexed text the question explains.</summary>
internal readonly record struct LexicalMatch(int TextId, float QueryCoverage, float TextCoverage);
