using Assistant.Evals;
using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Retrieval;

/// <summary>The seed KB as it is, and cut to two phrasings per article as a real ministry FAQ is.</summary>
public sealed class DenseAndSparseKbFixture : IAsyncLifetime
{
    public KnowledgeHost Dense { get; private set; } = null!;

    public KnowledgeHost Sparse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dense = await KnowledgeHost.StartAsync();
        Sparse = await KnowledgeHost.StartAsync(() => SparseKb.Keep(SeedKnowledgeBase.Load(), 2));
    }

    public async Task DisposeAsync()
    {
        await Dense.DisposeAsync();
        await Sparse.DisposeAsync();
    }
}

public sealed class CalibratedDecisionTests(DenseAndSparseKbFixture kbs) : IClassFixture<DenseAndSparseKbFixture>
{
    [Theory]
    [InlineData("потеряла полис что делать", "oms-replace-policy")]
    [InlineData("как вызвать врача домой если температура", "doctor-home-visit")]
    [InlineData("сколько платят по больничному", "sick-leave-payment")]
    public async Task The_same_message_is_decided_sensibly_on_a_2_phrasing_and_a_16_phrasing_KB(string message, string articleId)
    {
        foreach (var host in new[] { kbs.Dense, kbs.Sparse })
        {
            var result = await host.AskAsync(message);

            // Answered with the article, or asked about with the article among the choices; never a wrong answer, never "no answer".
            Assert.Contains(result.Decision, new[] { Decision.Answer, Decision.Clarify });
            Assert.Contains(result.Chosen, c => c.ArticleId == articleId);
            Assert.Contains("calibrated on this KB", result.Reason);
        }
    }

    [Fact]
    public void The_boundaries_are_learnt_from_each_KB_and_differ_between_them()
    {
        var dense = kbs.Dense.Service.Calibration!;
        var sparse = kbs.Sparse.Service.Calibration!;

        Assert.NotEqual(dense.AnswerThreshold, sparse.AnswerThreshold);
        Assert.True(dense.Phrasings > sparse.Phrasings);
        Assert.True(sparse.OutOfDomain >= 200);
    }

    [Theory]
    [InlineData("вот значит я в поликлинику пришла а карточку зеленую дома забыла а у меня в телефоне госуслуги есть там можно как то показать полис или найти где номер его а то регистратура говорит без полиса никак", "oms-digital-policy")]
    [InlineData("Уважаемые сотрудники Министерства, наша семья многодетная, младшему сыну 4 года. Прошу разъяснить, относится ли он к категории лиц, которым лекарства по назначению врача отпускаются без оплаты, и чем региональная льгота отличается от федеральной.", "drugs-who-eligible")]
    [InlineData("Мы с мужем (мне 29, ему 32) планируем ребёнка и хотим сначала оба провериться — гинеколог, уролог, анализы. Знакомые говорят, что сейчас такое делают бесплатно в поликлинике по специальной программе. Правда ли это и как на неё попасть?", "checkup-reproductive")]
    public async Task A_long_message_with_details_around_its_question_is_answered(string message, string articleId)
    {
        var result = await kbs.Dense.AskAsync(message);

        Assert.Equal(Decision.Answer, result.Decision);
        Assert.Equal(articleId, result.Chosen[0].ArticleId);
    }

    [Fact]
    public async Task A_message_with_two_questions_answers_the_main_one_and_offers_the_other()
    {
        var result = await kbs.Dense.AskAsync(
            "Здравствуйте. Мы с партнёром хотим открыть аптечный пункт в посёлке под Вологдой. Какие условия нужны для получения разрешения на торговлю лекарствами, кто его выдаёт и обязателен ли провизор в штате? И ещё: как проверить лицензию конкурента?");

        Assert.Equal(Decision.Answer, result.Decision);
        Assert.Equal("license-pharma", result.Chosen[0].ArticleId);
        Assert.NotNull(result.AlsoAsked);
        Assert.NotEqual("license-pharma", result.AlsoAsked!.ArticleId);
    }

    [Fact]
    public async Task A_curated_phrasing_typed_word_for_word_is_answered_with_its_article()
    {
        var result = await kbs.Dense.AskAsync("Можно ли записаться к врачу без интернета?");

        Assert.Equal(Decision.Answer, result.Decision);
        Assert.Equal("appointment-phone", result.Chosen[0].ArticleId);
        Assert.Contains("curated phrasing", result.Reason);
    }

    [Theory]
    [InlineData("как записаться к врачу")]
    [InlineData("записаться к врачу")]
    public async Task A_message_that_leaves_open_what_two_articles_differ_in_is_asked_about_not_guessed(string message)
    {
        // Every word is in «Как записаться к врачу по телефону?» and in «Как записаться к врачу через Госуслуги?»: the ranking
        // is sure of the phone article, the message is not.
        var result = await kbs.Dense.AskAsync(message);

        Assert.Equal(Decision.Clarify, result.Decision);
        Assert.Equal(["appointment-phone", "appointment-online"], result.Chosen.Select(c => c.ArticleId).Order().Reverse());
        Assert.Contains("every word of the message", result.Reason);
    }

    [Fact]
    public async Task A_message_that_says_which_of_them_it_means_is_answered()
    {
        var result = await kbs.Dense.AskAsync("как записаться к врачу по телефону 122");

        Assert.Equal(Decision.Answer, result.Decision);
        Assert.Equal("appointment-phone", result.Chosen[0].ArticleId);
    }

    [Fact]
    public async Task A_message_that_differs_from_a_curated_phrasing_only_in_words_not_searched_is_not_taken_for_it()
    {
        // «через» and «без» are both stop words, so this message scores as high against «Можно ли записаться к врачу без
        // интернета?» (the phone article) as that phrasing itself does; it asks the opposite.
        var result = await kbs.Dense.AskAsync("как записаться к врачу через интернет");

        Assert.DoesNotContain("curated phrasing", result.Reason);
        Assert.False(result.Decision == Decision.Answer && result.Chosen[0].ArticleId == "appointment-phone", result.Reason);
        Assert.Contains(result.Chosen, c => c.ArticleId == "appointment-online");
    }

    [Theory]
    [InlineData("больничный")]
    [InlineData("полис")]
    public async Task A_vague_message_near_several_articles_is_asked_about_rather_than_given_up(string message)
    {
        var result = await kbs.Sparse.AskAsync(message);

        Assert.Equal(Decision.Clarify, result.Decision);
        Assert.InRange(result.Chosen.Count, 2, 3);
    }

    [Fact]
    public async Task Out_of_domain_messages_the_calibration_never_saw_are_not_answered()
    {
        var outOfScope = (await EvalQuestion.ReadAsync(Dataset("dev/questions.jsonl"), CancellationToken.None)).Where(q => !q.InScope).ToList();
        foreach (var host in new[] { kbs.Dense, kbs.Sparse })
        {
            var answered = 0;
            foreach (var question in outOfScope)
            {
                answered += (await host.AskAsync(question.Q)).Decision == Decision.Answer ? 1 : 0;
            }

            Assert.True(answered <= outOfScope.Count / 10, $"{answered} of {outOfScope.Count} out-of-domain messages answered");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0001\u0002\u0007 \u200b")]
    [InlineData("rfr gjkexbnm gjkbc jvc")]
    public async Task Bad_input_gets_a_decision_never_an_error(string message)
    {
        var result = await kbs.Sparse.AskAsync(message);

        Assert.True(Enum.IsDefined(result.Decision));
    }

    [Fact]
    public async Task A_100_kB_message_gets_a_decision()
    {
        var message = string.Concat(Enumerable.Repeat("как получить полис омс если я переехал в другой город и потерял документы ", 1400));

        var result = await kbs.Sparse.AskAsync(message);

        Assert.True(message.Length > 100_000);
        Assert.True(Enum.IsDefined(result.Decision));
    }

    [Fact]
    public async Task Adding_a_phrasing_never_lowers_its_own_article_s_rank_for_it()
    {
        await using var host = await KnowledgeHost.StartAsync(() => SparseKb.Keep(SeedKnowledgeBase.Load(), 2));
        var phrasings = (await EvalQuestion.ReadAsync(Dataset("dev/questions.jsonl"), CancellationToken.None)).Where(q => q.InScope).Take(40).ToList();
        var before = new List<int>();
        foreach (var p in phrasings)
        {
            before.Add(Rank(await host.AskAsync(p.Q), p.Expected!));
        }

        Assert.Equal(phrasings.Count, await host.Service.AddQuestionsAsync(phrasings.Select(p => (p.Expected!, p.Q)).ToList(), CancellationToken.None));

        for (var i = 0; i < phrasings.Count; i++)
        {
            var after = Rank(await host.AskAsync(phrasings[i].Q), phrasings[i].Expected!);
            Assert.True(after >= 1 && (before[i] == 0 || after <= before[i]), $"«{phrasings[i].Q}»: rank {before[i]} before, {after} after");
        }
    }

    [Fact]
    public async Task Curation_makes_the_bot_answer_and_offer_right_more_often_at_every_step()
    {
        var runner = new EvalRunner(new HashedNgramEmbeddingGenerator(), d => new InMemoryVectorIndex(d), new RetrievalOptions());
        var questions = await EvalQuestion.ReadAsync(Dataset("dev/questions.jsonl"), CancellationToken.None);

        var result = await new CurationProtocol(runner).RunAsync(SeedKnowledgeBase.Load(), questions, CancellationToken.None);

        var curve = result.Curve.Select(p => p.Metrics).ToList();
        Assert.True(result.IsMonotone, string.Join(", ", curve.Select(m => m.AnsweredRight.ToString("0.000"))));
        Assert.All(curve.Zip(curve.Skip(1)), p => Assert.True(p.Second.OfferedRight > p.First.OfferedRight && p.Second.Top1 >= p.First.Top1));
        Assert.True(curve[^1].AnsweredRight > curve[0].AnsweredRight + 0.2);

        // One round of attaching what the bot missed: the unseen half is offered right more often and ranked better. (Answered
        // right on it does not rise yet; see issue 11's note.)
        Assert.True(result.Round.UnseenAfter.OfferedRight > result.Round.UnseenBefore.OfferedRight);
        Assert.True(result.Round.UnseenAfter.Top1 > result.Round.UnseenBefore.Top1);
        Assert.True(result.Round.SetAfter.AnsweredRight > result.Round.SetBefore.AnsweredRight);
    }

    private static int Rank(AskResult result, string articleId) => result.Candidates.Select(c => c.ArticleId).ToList().IndexOf(articleId) + 1;

    private static string Dataset(string path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "evals", "datasets", path);
    }
}

public sealed class CalibrationWithVectorsDownTests
{
    [Fact]
    public async Task A_vector_index_that_fails_is_asked_once_and_the_KB_is_still_calibrated()
    {
        using var directory = new TempDirectory();
        var failing = new FailingSearches(new InMemoryVectorIndex(256));
        var service = new KnowledgeService(new Assistant.Knowledge.Storage.SqliteKnowledgeStore(directory.File("knowledge.db")), new HashedNgramEmbeddingGenerator(),
            _ => failing, Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()));

        await service.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);

        Assert.NotNull(service.Calibration);
        Assert.Equal(1, failing.Searches);
        Assert.Equal(Decision.Answer, (await service.AskAsync(new AskRequest("вызвать врача на дом"), CancellationToken.None)).Decision);
    }

    /// <summary>A vector index whose searches fail, as a remote one that is down does.</summary>
    private sealed class FailingSearches(IVectorIndex inner) : IVectorIndex
    {
        public int Searches;

        public int Dimensions => inner.Dimensions;

        public Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken) => inner.UpsertAsync(records, cancellationToken);

        public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) => inner.DeleteAsync(ids, cancellationToken);

        public Task<int> RetainOnlyAsync(IReadOnlySet<string> keep, Func<CancellationToken, Task<bool>> confirm, CancellationToken cancellationToken) =>
            inner.RetainOnlyAsync(keep, confirm, cancellationToken);

        public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Searches);
            throw new TimeoutException("vector index is down");
        }
    }
}
