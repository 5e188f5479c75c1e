using System.Buffers;
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
    private readonly HashSet<int> _retired = [];
    private long _totalLength;

    // IDF changes whenever a text is added; text masses are recomputed lazily after that.
    private int _version;
    private readonly List<int> _massVersion = [];

    public int Count => _texts.Count;

    public int Add(string articleId, IReadOnlyList<WeightedTerm> terms)
    {
        var id = _texts.Count;
        _texts.Add(new IndexedText(articleId, terms.ToArray()));
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
    public void Retire(int textId) => _retired.Add(textId);

    public bool Knows(string term) => _postings.ContainsKey(term);

    /// <summary>Every text sharing a term with the query, with its coverage figures.</summary>
    public List<LexicalMatch> Search(IReadOnlyList<WeightedTerm> query)
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

        // Dense pooled accumulators with a list of touched texts: no per-text hashing, nothing that grows garbage with the index size.
        var bm25 = ArrayPool<float>.Shared.Rent(_texts.Count);
        var matchedMass = ArrayPool<float>.Shared.Rent(_texts.Count);

        // Shared-pool arrays come back holding other renters' data; a memset of the used part is cheap next to the postings walk.
        Array.Clear(bm25, 0, _texts.Count);
        Array.Clear(matchedMass, 0, _texts.Count);
        var touched = new List<int>();
        try
        {
            for (var i = 0; i < query.Count; i++)
            {
                if (!_postings.TryGetValue(query[i].Term, out var postings))
                {
                    continue;
                }

                foreach (var (textId, weightInText) in postings)
                {
                    if (matchedMass[textId] == 0f)
                    {
                        touched.Add(textId);
                    }

                    var lengthNorm = 1f - b + b * _texts[textId].Terms.Length / averageLength;
                    var tf = (k1 + 1f) / (1f + k1 * lengthNorm);
                    bm25[textId] += query[i].Weight * weightInText * idfs[i] * tf;

                    // Never exactly zero once touched, so the check above stays true for later terms.
                    matchedMass[textId] += Math.Max(weightInText * idfs[i], float.Epsilon);
                }
            }

            foreach (var textId in touched)
            {
                if (_retired.Contains(textId))
                {
                    continue;
                }

                var textMass = TextMass(textId);
                matches.Add(new LexicalMatch(
                    textId,
                    Math.Min(1f, bm25[textId] / queryMass),
                    textMass > 0 ? Math.Min(1f, matchedMass[textId] / textMass) : 0f));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(bm25);
            ArrayPool<float>.Shared.Return(matchedMass);
        }

        return matches;
    }

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

    private readonly record struct Posting(int TextId, float Weight);
}

/// <summary>QueryCoverage: normalised BM25 (share of the question explained); TextCoverage: share of the indexed text the question explains.</summary>
internal readonly record struct LexicalMatch(int TextId, float QueryCoverage, float TextCoverage);
