using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Microsoft.Extensions.AI;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// Everything searchable about one KB: the analysed titles, questions and answers (lexical), their vectors, the vocabulary for typo
/// repair and the synonyms. A new question is added in place, under a write lock, so it counts from the next message on.
/// </summary>
internal sealed class KnowledgeIndex
{
    private readonly ReaderWriterLockSlim _gate = new();

    // Lexical matches kept per index and message: far more than ranking and calibration look at (the first 20 articles).
    private const int LexicalTop = 300;
    private readonly Dictionary<string, Article> _articles;
    private readonly LexicalIndex _questions = new();
    private readonly LexicalIndex _answers = new();
    private readonly List<string> _questionTexts = [];
    private readonly HashSet<string> _vectorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _articleText = new(StringComparer.Ordinal);

    // For leaving a phrasing out of its article's whole text (calibration): each article's question text ids.
    private readonly Dictionary<string, List<int>> _textsOfArticle = new(StringComparer.Ordinal);

    // Answer sentences in an index of their own, so the questions' statistics stay as they are; matches count at _sentenceWeight.
    private readonly LexicalIndex _sentences = new();
    private float _sentenceWeight;
    private readonly List<(AnalyzedText Text, string ArticleId)> _trainingSamples = [];

    // The question text each training sample came from (-1 for an answer), so calibration can train classifiers without it.
    private readonly List<int> _sampleTextIds = [];
    private bool _classify;
    private ArticleClassifier? _classifier;
    private readonly SemaphoreSlim _retrain = new(1, 1);
    private readonly Vocabulary _vocabulary = new();

    private KnowledgeIndex(IReadOnlyList<Article> articles, TextAnalyzer analyzer, IVectorIndex vectors, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        _articles = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Analyzer = analyzer;
        Vectors = vectors;
        Embedder = embedder;
    }

    public TextAnalyzer Analyzer { get; }

    public IVectorIndex Vectors { get; }

    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }

    /// <summary>Indexed questions and titles (answer sentences not counted).</summary>
    public int QuestionCount => _questions.Count;

    public static async Task<KnowledgeIndex> BuildAsync(
        KnowledgeBase kb,
        TextAnalyzer analyzer,
        IVectorIndex vectors,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        RetrievalOptions options,
        CancellationToken cancellationToken)
    {
        var index = new KnowledgeIndex(kb.Articles, analyzer, vectors, embedder)
        {
            _classify = kb.Articles.Count <= options.ClassifierMaxArticles,
            _sentenceWeight = options.AnswerSentenceWeight,
        };
        var pending = new List<(string Id, string Text, VectorPayload Payload)>();
        foreach (var article in kb.Articles)
        {
            var payload = PayloadOf(article);
            foreach (var text in TextsOf(article))
            {
                var (id, clean) = index.AddQuestionText(article, text);
                pending.Add((id, clean, payload));
            }

            index.IndexArticleText(article);
            index.IndexAnswerSentences(article);
            index.AddToVocabulary(article.Answer);
            if (index._classify)
            {
                // The answer names the article's specifics (documents, forms, bodies) that its questions may not.
                index._trainingSamples.Add((analyzer.AnalyzeDocument(article.Answer), article.Id));
                index._sampleTextIds.Add(-1);
            }
        }

        if (index._classify)
        {
            index._classifier = ArticleClassifier.Train(index._trainingSamples);
        }

        const int batch = 256;
        for (var i = 0; i < pending.Count; i += batch)
        {
            var slice = pending.GetRange(i, Math.Min(batch, pending.Count - i));
            var embeddings = await embedder.GenerateAsync(slice.Select(p => p.Text), cancellationToken: cancellationToken);
            var records = slice.Select((p, j) => new VectorRecord(p.Id, embeddings[j].Vector, p.Payload)).ToList();
            await vectors.UpsertAsync(records, cancellationToken);
        }

        return index;
    }

    /// <summary>The ids of every vector this index has written (see <see cref="VectorIdOf"/>).</summary>
    public IReadOnlySet<string> VectorIds
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _vectorIds.ToHashSet(StringComparer.Ordinal);
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// A vector's id names its content: the article, the text and the payload filters read. Hosts building from different KB
    /// versions into one shared collection therefore never overwrite a point with other content, and a changed phrasing or
    /// payload is a new point, the old one left for pruning.
    /// </summary>
    public static string VectorIdOf(Article article, string text)
    {
        var content = string.Join('\n', text, article.LifeSituation, string.Join(',', article.Segments), article.Status);
        return $"{article.Id}#{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)))[..16]}";
    }

    public IReadOnlyList<Article> Articles => [.. _articles.Values];

    /// <summary>Gives an article the version and update time the store gave its last change (phrasings added in place).</summary>
    public void Stamp(string articleId, int version, DateTimeOffset updatedAt)
    {
        _gate.EnterWriteLock();
        try
        {
            if (_articles.TryGetValue(articleId, out var article))
            {
                _articles[articleId] = article with { Version = version, UpdatedAt = updatedAt };
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    public Article? FindArticle(string id)
    {
        _gate.EnterReadLock();
        try
        {
            return _articles.GetValueOrDefault(id);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>
    /// The answer sentences of <paramref name="articleId"/> covering at least <paramref name="minimumCoverage"/> of the query's
    /// weight (on the sentence index's statistics) and at least 60 % of the best one's coverage: at most <paramref name="max"/>,
    /// in the answer's order.
    /// </summary>
    public IReadOnlyList<string> Passages(string articleId, AnalyzedText query, int max, float minimumCoverage)
    {
        if (FindArticle(articleId) is not { } article || query.Terms.Count == 0)
        {
            return [];
        }

        var scored = new List<(int Order, string Sentence, float Coverage)>();
        _gate.EnterReadLock();
        try
        {
            foreach (var sentence in AnswerSentences.Whole(article.Answer))
            {
                scored.Add((scored.Count, sentence, _sentences.QueryCoverageOf(query.Terms, Analyzer.AnalyzeDocument(sentence).Terms)));
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        var best = scored.Count == 0 ? 0f : scored.Max(s => s.Coverage);
        if (best < minimumCoverage)
        {
            return [];
        }

        return [.. scored.Where(s => s.Coverage >= 0.6f * best).OrderByDescending(s => s.Coverage).Take(max).OrderBy(s => s.Order).Select(s => s.Sentence)];
    }

    public AnalyzedText AnalyzeQuery(string text)
    {
        _gate.EnterReadLock();
        try
        {
            return Analyzer.AnalyzeQuery(text, _vocabulary);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Per article: best lexical match among its questions (with the text matched) and the answer text's coverage.</summary>
    /// <param name="leaveOut">A question text id whose own match is ignored (calibration scores each phrasing without itself); -1 for none.</param>
    public Dictionary<string, ArticleEvidence> SearchLexical(AnalyzedText query, float queryCoverageShare, int leaveOut = -1)
    {
        var evidence = new Dictionary<string, ArticleEvidence>(StringComparer.Ordinal);
        _gate.EnterReadLock();
        try
        {
            foreach (var match in _questions.Search(query.Terms, queryCoverageShare, LexicalTop))
            {
                if (match.TextId == leaveOut)
                {
                    continue;
                }

                var articleId = _questions.ArticleOf(match.TextId);
                var score = queryCoverageShare * match.QueryCoverage + (1 - queryCoverageShare) * match.TextCoverage;

                var current = evidence.GetValueOrDefault(articleId);
                if (score > current.Lexical)
                {
                    evidence[articleId] = current with { Lexical = score, MatchedText = _questionTexts[match.TextId] };
                }
            }

            foreach (var match in _sentences.Search(query.Terms, queryCoverageShare, LexicalTop))
            {
                var articleId = _sentences.ArticleOf(match.TextId);
                var score = _sentenceWeight * (queryCoverageShare * match.QueryCoverage + (1 - queryCoverageShare) * match.TextCoverage);
                var current = evidence.GetValueOrDefault(articleId);
                if (score > current.Lexical)
                {
                    evidence[articleId] = current with { Lexical = score, MatchedText = _articles[articleId].Title };
                }
            }

            foreach (var match in _answers.Search(query.Terms, 1f, LexicalTop))
            {
                var articleId = _answers.ArticleOf(match.TextId);
                var current = evidence.GetValueOrDefault(articleId);
                evidence[articleId] = current with { AnswerText = Math.Max(current.AnswerText, match.QueryCoverage) };
            }

            // The whole article's text holds the left-out phrasing too: score the article as if it had never been written.
            if (leaveOut >= 0 && _articleText.TryGetValue(_questions.ArticleOf(leaveOut), out var textId))
            {
                var articleId = _questions.ArticleOf(leaveOut);
                var without = ArticleTermsWithout(articleId, textId, leaveOut);
                evidence[articleId] = evidence.GetValueOrDefault(articleId) with { AnswerText = _answers.QueryCoverageOf(query.Terms, without) };
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return evidence;
    }

    /// <summary>
    /// The whole article's terms as they would be had one of its phrasings never been written: a term goes only if no other
    /// phrasing, the title or the answer has it (the article text keeps each term once).
    /// </summary>
    private List<WeightedTerm> ArticleTermsWithout(string articleId, int articleTextId, int leaveOut)
    {
        var left = _questions.TermsOf(leaveOut).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Analyzer.AnalyzeDocument(_articles[articleId].Answer).Terms)
        {
            kept.Add(term.Term);
        }

        foreach (var other in _textsOfArticle.GetValueOrDefault(articleId) ?? [])
        {
            if (other != leaveOut)
            {
                foreach (var term in _questions.TermsOf(other))
                {
                    kept.Add(term.Term);
                }
            }
        }

        return _answers.TermsOf(articleTextId).Where(t => !left.Contains(t.Term) || kept.Contains(t.Term)).ToList();
    }

    /// <summary>
    /// True when every term is found among the article's curated phrasings and title, or in <paramref name="also"/>: a message
    /// that says nothing the article's own questions do not already say.
    /// </summary>
    public bool SaysNothingNew(string articleId, IReadOnlyList<WeightedTerm> terms, IReadOnlySet<string> also)
    {
        _gate.EnterReadLock();
        try
        {
            var texts = _textsOfArticle.GetValueOrDefault(articleId) ?? [];
            return terms.All(t => also.Contains(t.Term) || texts.Any(id => _questions.TermsOf(id).Any(q => q.Term == t.Term)));
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>The classifier's probability per article, or null when the KB is too large for it.</summary>
    public Dictionary<string, float>? Classify(AnalyzedText query, ArticleClassifier? instead = null)
    {
        var classifier = instead ?? _classifier;
        if (classifier is null)
        {
            return null;
        }

        var probabilities = classifier.Predict(query, out var knownShare);
        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < probabilities.Length; i++)
        {
            result[classifier.Classes[i]] = probabilities[i] * MathF.Sqrt(knownShare);
        }

        return result;
    }

    /// <summary>
    /// Adds the questions to every signal. Returns the error when only their vectors could not be stored (a remote embedder or
    /// index is down): the questions already count lexically and for the classifier, and their vectors come with the next full build.
    /// </summary>
    public async Task<Exception?> AddQuestionsAsync(IReadOnlyList<(string ArticleId, string Question)> questions, CancellationToken cancellationToken)
    {
        Exception? vectorError = null;
        var pending = new List<(string Id, string Clean, VectorPayload Payload)>();
        _gate.EnterWriteLock();
        try
        {
            foreach (var (articleId, _) in questions)
            {
                if (!_articles.ContainsKey(articleId))
                {
                    throw new KeyNotFoundException($"No article '{articleId}'.");
                }
            }

            foreach (var (articleId, question) in questions)
            {
                var article = _articles[articleId];
                article = article with { Questions = [.. article.Questions, question] };
                _articles[articleId] = article;
                var (id, clean) = AddQuestionText(article, question);
                pending.Add((id, clean, PayloadOf(article)));
            }

            foreach (var articleId in questions.Select(q => q.ArticleId).Distinct(StringComparer.Ordinal))
            {
                IndexArticleText(_articles[articleId]);
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        try
        {
            var embeddings = await Embedder.GenerateAsync(pending.Select(p => p.Clean), cancellationToken: cancellationToken);
            await Vectors.UpsertAsync(pending.Select((p, i) => new VectorRecord(p.Id, embeddings[i].Vector, p.Payload)).ToList(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            vectorError = e;
        }

        if (_classify)
        {
            // Retraining takes a fraction of a second and runs outside the lock: questions keep being answered meanwhile,
            // and the moderator's call returns once the new phrasings count fully.
            await _retrain.WaitAsync(cancellationToken);
            try
            {
                List<(AnalyzedText, string)> samples;
                _gate.EnterReadLock();
                try
                {
                    samples = [.. _trainingSamples];
                }
                finally
                {
                    _gate.ExitReadLock();
                }

                _classifier = await Task.Run(() => ArticleClassifier.Train(samples), cancellationToken);
            }
            finally
            {
                _retrain.Release();
            }
        }

        return vectorError;
    }

    private (string Id, string Clean) AddQuestionText(Article article, string text)
    {
        var analyzed = Analyzer.AnalyzeDocument(text);
        var textId = _questions.Add(article.Id, analyzed.Terms);
        if (!_textsOfArticle.TryGetValue(article.Id, out var ids))
        {
            _textsOfArticle[article.Id] = ids = [];
        }

        ids.Add(textId);
        if (_classify)
        {
            _trainingSamples.Add((analyzed, article.Id));
            _sampleTextIds.Add(textId);
        }

        _questionTexts.Add(text);
        AddToVocabulary(text);
        var id = VectorIdOf(article, text);
        _vectorIds.Add(id);
        return (id, analyzed.CleanText);
    }

    /// <summary>Every indexed question text (titles included) with its article and vector id, for calibration.</summary>
    public List<(int TextId, string ArticleId, string Text, string VectorId)> QuestionTexts()
    {
        _gate.EnterReadLock();
        try
        {
            return _questionTexts.Select((text, id) => (id, _questions.ArticleOf(id), text, VectorIdOf(_articles[_questions.ArticleOf(id)], text))).ToList();
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>The classifier's training samples with the question text each came from (-1: an answer); empty when it is off.</summary>
    public List<(AnalyzedText Text, string ArticleId, int TextId)> TrainingSamples()
    {
        _gate.EnterReadLock();
        try
        {
            return _trainingSamples.Select((s, i) => (s.Text, s.ArticleId, _sampleTextIds[i])).ToList();
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    public bool HasClassifier => _classifier is not null;

    /// <summary>The decision boundaries learnt on this index (null: too small, fixed thresholds decide). Replaced whole after each change.</summary>
    public Calibration.DecisionCalibration? Calibration { get; set; }

    /// <summary>Classifiers each trained without a third of the phrasings, for calibration; made at the first calibration of this index.</summary>
    public ArticleClassifier[]? FoldClassifiers { get; set; }

    /// <summary>The whole article (title, questions, answer) as one text; a newer version retires the older one.</summary>
    private void IndexArticleText(Article article)
    {
        var analyzed = Analyzer.AnalyzeDocument(string.Join('\n', article.Questions.Prepend(article.Title).Append(article.Answer)));
        if (_articleText.TryGetValue(article.Id, out var previous))
        {
            _answers.Retire(previous);
        }

        _articleText[article.Id] = _answers.Add(article.Id, analyzed.Terms);
    }

    /// <summary>
    /// Each sentence of the answer as one more phrasing of the article for lexical search: a message may ask about a specific the
    /// answer names (a form, a deadline, a body) that no curated question does. Shown as the article's title when it matches.
    /// </summary>
    private void IndexAnswerSentences(Article article)
    {
        if (_sentenceWeight <= 0)
        {
            return;
        }

        foreach (var sentence in AnswerSentences.Of(article.Answer))
        {
            var analyzed = Analyzer.AnalyzeDocument(sentence);
            if (analyzed.Terms.Count >= 2)
            {
                _sentences.Add(article.Id, analyzed.Terms);
            }
        }
    }

    private void AddToVocabulary(string text)
    {
        foreach (var word in Tokenizer.Split(TextNormalizer.Normalize(text)))
        {
            if (!StopWords.Contains(word))
            {
                _vocabulary.Add(RussianStemmer.Stem(word), word);
            }
        }
    }

    private static IEnumerable<string> TextsOf(Article article) => article.Questions.Prepend(article.Title);

    private static VectorPayload PayloadOf(Article article) => new(article.Id, article.LifeSituation, article.Segments, article.Status);
}

/// <summary>What each signal says of one article.</summary>
internal readonly record struct ArticleEvidence(float Lexical, float Vector, float AnswerText, string? MatchedText, float Classifier = 0f);
