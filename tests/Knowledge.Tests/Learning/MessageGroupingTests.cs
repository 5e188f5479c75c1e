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
