using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge.Tests.Retrieval;

/// <summary>One seeded service shared by the tests that only ask.</summary>
public sealed class SeededKnowledgeFixture : IAsyncLifetime
{
    public KnowledgeHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KnowledgeHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class KnowledgeServiceTests(SeededKnowledgeFixture seeded) : IClassFixture<SeededKnowledgeFixture>
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private KnowledgeHost Seeded => seeded.Host;

    [Theory]
    [InlineData("как получить полис омс", "oms-get-policy")]
    [InlineData("вызвать врача на дом", "doctor-home-visit")]
    [InlineData("Как прикрепиться к поликлинике?", "clinic-attach")]
    [InlineData("как получить лицензию на медицинскую деятельность", "license-medical")]
    public async Task A_plain_question_gets_the_right_article_first(string question, string articleId)
    {
        var result = await Seeded.AskAsync(question);

        AssertOffersFirst(result, articleId);
    }

    [Theory]
    [InlineData("вызвать врача на дом", "doctor-home-visit")]
    [InlineData("больничный по уходу за ребёнком", "sick-leave-child-care")]
    [InlineData("справка в бассейн", "records-certificates")]
    public async Task A_plain_question_with_one_clear_match_is_answered_directly(string question, string articleId)
    {
        var result = await Seeded.AskAsync(question);

        AssertAnswers(result, articleId);
    }

    [Theory]
    [InlineData("rfr gjkexbnm gjkbc jvc", "как получить полис омс", "oms-get-policy")]
    [InlineData("dspdfnm dhfxf yf ljv", "вызвать врача на дом", "doctor-home-visit")]
    public async Task Wrong_layout_question_finds_the_same_article_as_the_Russian_one(string typed, string russian, string articleId)
    {
        var expected = await Seeded.AskAsync(russian);

        var result = await Seeded.AskAsync(typed);

        AssertOffersFirst(result, articleId);
        Assert.Equal(expected.Decision, result.Decision);
        Assert.Equal(expected.Chosen.Select(c => c.ArticleId), result.Chosen.Select(c => c.ArticleId));
        Assert.Equal(russian, result.AnalyzedText);
    }

    [Theory]
    [InlineData("прикрепиться к полеклинике", "прикрепиться к поликлинике", "clinic-attach")]
    [InlineData("как открыть болничный", "как открыть больничный", "sick-leave-get")]
    public async Task A_question_with_a_typo_is_treated_like_the_correctly_spelt_one(string typo, string correct, string articleId)
    {
        var expected = await Seeded.AskAsync(correct);

        var result = await Seeded.AskAsync(typo);

        Assert.NotEqual(Decision.Fallback, result.Decision);
        Assert.Contains(result.Chosen, c => c.ArticleId == articleId);
        Assert.Equal(expected.Decision, result.Decision);
        Assert.Equal(expected.Chosen.Select(c => c.ArticleId), result.Chosen.Select(c => c.ArticleId));
        Assert.NotEmpty(result.Corrections);
    }

    [Theory]
    [InlineData("какой курс доллара сегодня")]
    [InlineData("расскажи анекдот")]
    [InlineData("кто выиграл чемпионат мира по футболу")]
    public async Task An_out_of_scope_message_falls_back_to_a_person(string message)
    {
        var result = await Seeded.AskAsync(message);

        Assert.Equal(Decision.Fallback, result.Decision);
        Assert.Empty(result.Chosen);
    }

    [Fact]
    public async Task Candidates_come_best_first_with_scores_and_a_reason()
    {
        var result = await Seeded.AskAsync("больничный по уходу за ребёнком");

        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.InRange(result.Candidates.Count, 2, Seeded.Service.Options.ReturnedCandidates);
        Assert.Equal(result.Candidates.Select(c => c.Score).OrderDescending(), result.Candidates.Select(c => c.Score));
        Assert.All(result.Candidates, c =>
        {
            Assert.True(float.IsFinite(c.Score) && c.Score > 0, $"{c.ArticleId}: {c.Score}");
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.False(string.IsNullOrWhiteSpace(c.MatchedText));
            Assert.NotNull(Seeded.Service.FindArticle(c.ArticleId));
        });
        Assert.Equal("sick-leave-child-care", result.Candidates[0].ArticleId);
        Assert.All(result.Chosen, c => Assert.Contains(c, result.Candidates));
    }

    [Fact]
    public async Task A_candidate_shows_which_curated_question_it_matched()
    {
        var result = await Seeded.AskAsync("как вызвать врача на дом");

        var top = result.Candidates[0];
        Assert.Equal("doctor-home-visit", top.ArticleId);
        Assert.Contains(Seeded.Service.FindArticle(top.ArticleId)!.Questions.Append(top.Title), q => q == top.MatchedText);
    }

    public static TheoryData<string, string?> HostileInputs => new()
    {
        { "null", null },
        { "empty", "" },
        { "whitespace", " \t\r\n  " },
        { "100 kB of text", string.Concat(Enumerable.Repeat("полис омс больничный справка ", 100_000 / 29 + 1)) },
        { "100 kB of one word", new string('ы', 100_000) },
        { "emoji only", "😀😀😀" },
        { "control characters", "\u0000\u0001\u0007\u001b[31m\u007f" },
        { "mixed scripts", "пoлиc oмc 保险 policy بوليصة" },
        { "html", "<script>alert(1)</script>" },
        { "sql", "'; DROP TABLE articles; --" },
        { "lone surrogate", "полис \ud83d омс" },
        { "zero-width characters", "\u200b\u200c\u200d\ufeff" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_never_throws_and_gets_a_decision(string kind, string? text)
    {
        var result = await Seeded.AskAsync(text);

        Assert.True(Enum.IsDefined(result.Decision), kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason), kind);
        Assert.NotNull(result.Candidates);
        Assert.True(result.Decision != Decision.Fallback || result.Chosen.Count == 0, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("\u0000\u0007")]
    [InlineData("?!..,")]
    [InlineData("здравствуйте, подскажите пожалуйста")]
    public async Task A_message_with_no_words_to_search_for_falls_back(string? text)
    {
        var result = await Seeded.AskAsync(text);

        Assert.Equal(Decision.Fallback, result.Decision);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public async Task Hostile_input_does_not_harm_the_KB()
    {
        await Seeded.AskAsync("'; DROP TABLE articles; --");
        await Seeded.AskAsync("<script>alert(1)</script>");

        Assert.Equal(SeedKnowledgeBase.Load().Articles.Count, (await Seeded.Store.LoadAsync(_ct)).Articles.Count);
        AssertAnswers(await Seeded.AskAsync("вызвать врача на дом"), "doctor-home-visit");
    }

    [Theory]
    [InlineData("больничный")]
    [InlineData("как получить полис омс")]
    [InlineData("справка")]
    [InlineData("записаться к врачу")]
    [InlineData("лицензия")]
    [InlineData("обращение в минздрав")]
    public async Task A_business_question_never_gets_a_citizen_only_article(string question)
    {
        var result = await Seeded.AskAsync(question, segment: Segment.Business);

        Assert.All(result.Candidates.Concat(result.Chosen), c => Assert.Contains(Segment.Business, Seeded.Service.FindArticle(c.ArticleId)!.Segments));
    }

    [Fact]
    public async Task A_business_question_still_finds_business_articles()
    {
        var result = await Seeded.AskAsync("кто оплачивает больничный работнику", segment: Segment.Business);

        AssertOffersFirst(result, "sick-leave-payment");
    }

    [Fact]
    public async Task The_same_question_reaches_citizen_articles_without_the_segment()
    {
        var citizen = await Seeded.AskAsync("справка в бассейн");
        var business = await Seeded.AskAsync("справка в бассейн", segment: Segment.Business);

        Assert.Equal("records-certificates", citizen.Candidates[0].ArticleId);
        Assert.DoesNotContain(business.Candidates, c => c.ArticleId == "records-certificates");
    }

    [Fact]
    public async Task A_life_situation_filter_keeps_the_search_inside_that_topic()
    {
        var result = await Seeded.AskAsync("как оформить через госуслуги", lifeSituation: "sick-leave");

        Assert.NotEmpty(result.Candidates);
        Assert.All(result.Candidates, c => Assert.Equal("sick-leave", c.LifeSituation));
    }

    [Fact]
    public async Task Asking_before_the_KB_is_loaded_says_so()
    {
        using var directory = new TempDirectory();
        var service = new KnowledgeService(
            new SqliteKnowledgeStore(directory.File("knowledge.db")),
            new HashedNgramEmbeddingGenerator(),
            dims => new InMemoryVectorIndex(dims),
            Options.Create(new RetrievalOptions()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.AskAsync(new AskRequest("полис"), _ct));

        Assert.Contains("InitializeAsync", error.Message);
    }

    [Fact]
    public async Task An_invalid_import_returns_its_errors_and_the_previous_KB_keeps_answering()
    {
        await using var host = await KnowledgeHost.StartAsync();
        var seed = SeedKnowledgeBase.Load();
        var broken = new KnowledgeBase
        {
            LifeSituations = [new LifeSituation("oms-policy", "Полис ОМС")],
            Articles =
            [
                new Article { Id = "oms-only", LifeSituation = "oms-policy", Title = "Полис", Questions = ["Как получить полис ОМС?"], Answer = "В страховой компании." },
                new Article { Id = "oms-only", LifeSituation = "pets", Title = "Кошки", Questions = [], Answer = "Нет." },
            ],
        };

        var result = await host.Service.ImportAsync(broken, _ct);

        Assert.False(result.IsValid);
        Assert.True(result.Errors.Count >= 3, string.Join("; ", result.Errors));
        AssertOffersFirst(await host.AskAsync("как получить полис омс"), "oms-get-policy");
        AssertAnswers(await host.AskAsync("вызвать врача на дом"), "doctor-home-visit");
        KbAssert.SameContent(seed, await host.Service.ExportAsync(_ct));
    }

    [Fact]
    public async Task A_valid_import_replaces_what_the_service_answers_from()
    {
        await using var host = await KnowledgeHost.StartAsync();

        var result = await host.Service.ImportAsync(SampleKb.Create(), _ct);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Null(host.Service.FindArticle("doctor-home-visit"));
        Assert.DoesNotContain((await host.AskAsync("вызвать врача на дом")).Candidates, c => c.ArticleId == "doctor-home-visit");
        AssertOffersFirst(await host.AskAsync("как получить полис омс"), "oms-get-policy");
    }

    [Fact]
    public async Task An_added_phrasing_finds_its_article_at_once()
    {
        await using var host = await KnowledgeHost.StartAsync();
        const string phrasing = "шмурдяк кракозябра";
        var before = await host.AskAsync(phrasing);
        Assert.DoesNotContain(before.Chosen, c => c.ArticleId == "records-certificates");

        var added = await host.Service.AddQuestionAsync("records-certificates", phrasing, _ct);

        Assert.True(added);
        var after = await host.AskAsync(phrasing);
        AssertOffersFirst(after, "records-certificates");
        Assert.Contains(phrasing, host.Service.FindArticle("records-certificates")!.Questions);
        Assert.Contains(phrasing, (await host.Service.ExportAsync(_ct)).Articles.Single(a => a.Id == "records-certificates").Questions);
    }

    [Fact]
    public async Task An_added_phrasing_survives_a_restart()
    {
        await using var host = await KnowledgeHost.StartAsync();
        await host.Service.AddQuestionAsync("records-certificates", "шмурдяк кракозябра", _ct);

        await host.Service.InitializeAsync(SeedKnowledgeBase.Load, _ct);

        AssertOffersFirst(await host.AskAsync("шмурдяк кракозябра"), "records-certificates");
    }

    [Theory]
    [InlineData("no-such-article", "шмурдяк кракозябра")]
    [InlineData("records-certificates", "   ")]
    public async Task A_phrasing_for_an_unknown_article_or_with_no_text_is_refused(string articleId, string question)
    {
        await using var host = await KnowledgeHost.StartAsync();

        Assert.False(await host.Service.AddQuestionAsync(articleId, question, _ct));
        KbAssert.SameContent(SeedKnowledgeBase.Load(), await host.Service.ExportAsync(_ct));
    }

    [Fact]
    public async Task A_draft_article_is_never_offered()
    {
        var seed = SeedKnowledgeBase.Load();
        var withDraft = seed with
        {
            Articles = seed.Articles.Select(a => a.Id == "doctor-home-visit" ? a with { Status = ArticleStatus.Draft } : a).ToList(),
        };
        await using var host = await KnowledgeHost.StartAsync(() => withDraft);

        foreach (var question in new[] { "вызвать врача на дом", "Как вызвать врача на дом?", "Вызов врача на дом", "dspdfnm dhfxf yf ljv" })
        {
            foreach (var segment in new[] { null, Segment.Citizen })
            {
                var result = await host.AskAsync(question, segment);
                Assert.DoesNotContain(result.Candidates.Concat(result.Chosen), c => c.ArticleId == "doctor-home-visit");
            }
        }
    }

    [Fact]
    public async Task A_phrasing_added_to_a_draft_does_not_surface_it()
    {
        var seed = SeedKnowledgeBase.Load();
        var withDraft = seed with
        {
            Articles = seed.Articles.Select(a => a.Id == "records-certificates" ? a with { Status = ArticleStatus.Draft } : a).ToList(),
        };
        await using var host = await KnowledgeHost.StartAsync(() => withDraft);

        Assert.True(await host.Service.AddQuestionAsync("records-certificates", "шмурдяк кракозябра", _ct));

        var result = await host.AskAsync("шмурдяк кракозябра");
        Assert.DoesNotContain(result.Candidates, c => c.ArticleId == "records-certificates");
    }

    /// <summary>The person is shown this article: as the answer, or as the first of the options offered.</summary>
    private static void AssertOffersFirst(AskResult result, string articleId)
    {
        Assert.True(result.Decision != Decision.Fallback, $"expected {articleId}, got a fallback: {result.Reason}");
        Assert.Equal(articleId, result.Chosen[0].ArticleId);
    }

    private static void AssertAnswers(AskResult result, string articleId)
    {
        Assert.True(result.Decision == Decision.Answer, $"expected an answer with {articleId}, got {result.Decision}: {result.Reason}");
        Assert.Equal(articleId, Assert.Single(result.Chosen).ArticleId);
    }
}
