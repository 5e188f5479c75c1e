using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Learning;

/// <summary>Grouping the moderators' inbox on the seed KB's own analysis and embedder: paraphrases together, different needs apart.</summary>
public sealed class MessageGroupingTests
{
    private static readonly string[][] Paraphrases =
    [
        ["как получить полис омс", "где оформить полис ОМС", "полис омс как получить?", "хочу оформить полис омс ребенку", "получение полиса омс"],
        ["не могу записаться к терапевту", "как записаться к терапевту", "запись к терапевту через госуслуги не работает", "записаться на прием к терапевту"],
        ["электронный больничный где посмотреть", "где посмотреть больничный лист", "больничный электронный не вижу", "как посмотреть свой больничный"],
        ["сколько стоит парковка у больницы", "парковка возле больницы платная?"],
    ];

    [Fact]
    public async Task Paraphrases_fall_into_the_same_group_and_different_needs_into_different_groups_biggest_first()
    {
        await using var host = await KnowledgeHost.StartAsync();
        var messages = Paraphrases.SelectMany(g => g).ToList();
        var truth = Paraphrases.SelectMany((g, i) => g.Select(_ => i)).ToList();

        var groups = await host.Service.GroupAsync(messages, CancellationToken.None);

        var pure = groups.Count(g => g.Members.Select(m => truth[m]).Distinct().Count() == 1);
        Assert.True(pure == groups.Count, "Mixed groups: " + Describe(groups, messages));
        Assert.True(groups.Count <= Paraphrases.Length + 2, "Too many groups: " + Describe(groups, messages));
        Assert.Equal(groups.Select(g => g.Members.Count).OrderDescending(), groups.Select(g => g.Members.Count));
        var oms = groups.First(g => g.Members.Contains(0));
        Assert.True(oms.Members.Count >= 4, Describe(groups, messages));
        Assert.Equal("oms-get-policy", oms.Suggestions[0].ArticleId);
    }

    [Fact]
    public async Task Skipping_groups_that_cannot_win_gives_the_same_groups_as_comparing_every_one()
    {
        // Seed phrasings with everyday noise words, as in the benchmark: many groups share «подскажите» or «срочно».
        var analyzer = new Assistant.Knowledge.Analysis.TextAnalyzer(Assistant.Knowledge.Analysis.SynonymDictionary.BuiltIn, Assistant.Knowledge.Analysis.Lexicon.Russian);
        var embedder = new Assistant.Knowledge.Embedding.HashedNgramEmbeddingGenerator();
        var random = new Random(5);
        var phrasings = Assistant.Knowledge.Seed.SeedKnowledgeBase.Load().Articles.SelectMany(a => a.Questions).ToList();
        string[] noise = ["подскажите", "пожалуйста", "срочно", "как быть", "здравствуйте", "для мамы"];
        var texts = Enumerable.Range(0, 1500)
            .Select(_ => analyzer.AnalyzeDocument($"{noise[random.Next(noise.Length)]} {phrasings[random.Next(phrasings.Count)]} {noise[random.Next(noise.Length)]}"))
            .ToList();
        var vectors = (await embedder.GenerateAsync(texts.Select(t => t.CleanText).ToList())).Select(e => e.Vector.ToArray()).ToList();

        var pruned = Assistant.Knowledge.Learning.MessageGrouper.Group(texts, vectors, 0.42f);
        var full = Assistant.Knowledge.Learning.MessageGrouper.Group(texts, vectors, 0.42f, prune: false);

        Assert.True(pruned.Count > 50, $"{pruned.Count} groups");
        Assert.Equal(full, pruned);
    }

    private static string Describe(IEnumerable<Assistant.Knowledge.Learning.MessageGroup> groups, List<string> messages) =>
        string.Join(" | ", groups.Select(g => string.Join(" / ", g.Members.Select(m => messages[m]))));
}

/// <summary>The inbox when the embeddings service fails: still grouped (by shared words), and the service's message, which may quote the citizens, stays out of the log.</summary>
public sealed class GroupingWithoutVectorsTests
{
    [Fact]
    public async Task A_failing_embedder_leaves_the_questions_grouped_by_words_and_only_the_errors_kind_in_the_log()
    {
        using var directory = new TempDirectory();
        var embedder = new FailingEmbedder();
        var log = new LinesLogger();
        var service = new KnowledgeService(new Assistant.Knowledge.Storage.SqliteKnowledgeStore(directory.File("knowledge.db")), embedder,
            dims => new Assistant.Knowledge.Index.InMemoryVectorIndex(dims), Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()), log);
        await service.InitializeAsync(Assistant.Knowledge.Seed.SeedKnowledgeBase.Load, CancellationToken.None);
        embedder.Fail = true;

        var groups = await service.GroupAsync(["потерял полис омс что делать", "потерял полис омс что делать?", "как записаться к стоматологу"], CancellationToken.None);

        Assert.Equal(2, groups.Count);
        Assert.Equal([0, 1], groups[0].Members.Order());
        // The grouping's own line, and the searches for each group's suggestions (which fall back to words too).
        Assert.Contains(log.Lines, l => l.StartsWith("The inbox's questions could not be embedded (InvalidOperationException)", StringComparison.Ordinal));
        Assert.All(log.Lines, l => Assert.DoesNotContain("полис", l));
    }

    private sealed class FailingEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        private readonly Assistant.Knowledge.Embedding.HashedNgramEmbeddingGenerator _inner = new();

        public bool Fail { get; set; }

        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(IEnumerable<string> values,
            Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Fail ? throw new InvalidOperationException("upstream refused input: " + string.Join(" | ", values)) : _inner.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose() => _inner.Dispose();
    }

    private sealed class LinesLogger : Microsoft.Extensions.Logging.ILogger<KnowledgeService>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Add(formatter(state, exception) + (exception is null ? "" : " " + exception));
            }
        }
    }
}
