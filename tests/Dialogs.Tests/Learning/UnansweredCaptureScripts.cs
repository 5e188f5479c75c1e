using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Learning;

/// <summary>What reaches the moderators' inbox, masked: fallbacks, «Не помогло», clarify lists nobody chose from, low ratings, operator template answers.</summary>
public sealed class UnansweredCaptureScripts
{
    [Fact]
    public async Task A_fallback_is_kept_with_the_phone_number_masked_and_the_bots_candidates()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("подскажите расписание электричек до дачи, мой телефон 89123456789")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback);

        var kept = Assert.Single(await Open(bot));
        Assert.Equal(UnansweredKind.Fallback, kept.Kind);
        Assert.Equal("подскажите расписание электричек до дачи, мой телефон [телефон]", kept.Text);
        Assert.DoesNotContain("9123456789", kept.Text);
        Assert.Equal("web", kept.Channel);
    }

    [Fact]
    public async Task Not_helped_keeps_the_question_with_the_article_that_did_not_help()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Не помогло")
            .AssertReply(MessageKind.HandoffNotice);

        var kept = Assert.Single(await Open(bot));
        Assert.Equal(UnansweredKind.NotHelped, kept.Kind);
        Assert.Equal("как получить полис омс", kept.Text);
        Assert.Equal("oms-get-policy", kept.ArticleId);
    }

    [Theory]
    [InlineData("ничего не понятно")]
    [InlineData("вы не ответили на мой вопрос")]
    [InlineData("это не то, что я спрашивала")]
    public async Task Not_helped_said_in_words_is_the_button_not_a_follow_up(string said)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send(said)
            .AssertReply(MessageKind.HandoffNotice, "ответ не помог");

        var kept = Assert.Single(await Open(bot));
        Assert.Equal(UnansweredKind.NotHelped, kept.Kind);
        Assert.Equal("как получить полис омс", kept.Text);
        Assert.Equal("oms-get-policy", kept.ArticleId);
    }

    [Theory]
    [InlineData("Не помогает")]
    [InlineData("Я не поняла")]
    public async Task Not_helped_words_before_anything_was_shown_are_a_message_not_the_button(string said)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(said)
            .AssertReply(MessageKind.Greeting)
            .Check((_, conversation) => Assert.Equal(ConversationState.BotAnswering, conversation.State));

        Assert.DoesNotContain(await Open(bot), m => m.Kind == UnansweredKind.NotHelped);
    }

    [Fact]
    public async Task A_clarify_list_nobody_chose_from_is_kept_with_its_articles_and_a_chosen_one_is_not()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Другое — передать специалисту")
            .AssertReply(MessageKind.HandoffNotice);
        await bot.Flow("citizen-2")
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Как оформить больничный")
            .AssertReply(MessageKind.Answer);

        var kept = Assert.Single(await Open(bot), m => m.Kind != UnansweredKind.CitizenChoice);
        Assert.Equal(UnansweredKind.ClarifyIgnored, kept.Kind);
        Assert.Equal("больничный", kept.Text);
        Assert.Contains("sick-leave-get", kept.CandidateArticleIds);
    }

    [Fact]
    public async Task A_clarify_list_the_citizen_leaves_without_a_choice_is_kept_when_the_conversation_closes()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Wait(bot.Options.InactivityTimeout + TimeSpan.FromMinutes(1))
            .CloseInactive(expectClosed: 1)
            .AssertReply(MessageKind.RatingPrompt);
        await bot.Flow("citizen-2")
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt);

        var kept = (await Open(bot)).Where(m => m.Kind == UnansweredKind.ClarifyIgnored).ToList();
        Assert.Equal(2, kept.Count);
        Assert.All(kept, m => Assert.Equal("больничный", m.Text));
        Assert.All(kept, m => Assert.Contains("sick-leave-get", m.CandidateArticleIds));
        Assert.Equal(2, kept.Select(m => m.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task A_clarify_list_answered_by_a_choice_is_not_kept_again_when_the_conversation_closes()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Как оформить больничный")
            .AssertReply(MessageKind.Answer)
            .Wait(bot.Options.InactivityTimeout + TimeSpan.FromMinutes(1))
            .CloseInactive(expectClosed: 1);

        Assert.DoesNotContain(await Open(bot), m => m.Kind == UnansweredKind.ClarifyIgnored);
    }

    [Fact]
    public async Task A_rating_of_1_or_2_keeps_the_question_and_an_operator_template_answer_keeps_it_with_the_article()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("оператор")
            .AssertReply(MessageKind.HandoffNotice);
        var conversation = (await bot.Stores.Conversations.GetAsync(new ConversationKey("web", "citizen-1"), CancellationToken.None))!;
        Assert.True((await bot.Desk.AcceptAsync(conversation.Id, "anna", CancellationToken.None)).Succeeded);
        Assert.True((await bot.Desk.ReplyAsync(conversation.Id, "anna", "Полис выдаёт страховая компания.", "oms-get-policy", CancellationToken.None)).Succeeded);
        Assert.True((await bot.Desk.CloseAsync(conversation.Id, "anna", CancellationToken.None)).Succeeded);
        await bot.Flow().Send("2");

        var kept = await Open(bot);
        Assert.Contains(kept, m => m.Kind == UnansweredKind.OperatorTemplate && m.ArticleId == "oms-get-policy" && m.Text == "как получить полис омс");
        Assert.Contains(kept, m => m.Kind == UnansweredKind.LowRating && m.Text == "как получить полис омс");
    }

    [Fact]
    public async Task A_choice_from_a_clarify_list_suggests_the_phrasing_for_that_article_unless_it_did_not_help()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Как оформить больничный")
            .AssertReply(MessageKind.Answer)
            .Press("Помогло");
        await bot.Flow("citizen-2")
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Как оформить больничный")
            .AssertReply(MessageKind.Answer)
            .Press("Не помогло")
            .AssertReply(MessageKind.HandoffNotice);

        var open = await Open(bot);
        var choice = Assert.Single(open, m => m.Kind == UnansweredKind.CitizenChoice);
        Assert.Equal("больничный", choice.Text);
        Assert.Equal("sick-leave-get", choice.ArticleId);
        Assert.Contains(open, m => m.Kind == UnansweredKind.NotHelped && m.ArticleId == "sick-leave-get");
    }

    private static Task<IReadOnlyList<UnansweredMessage>> Open(DialogHarness bot) =>
        bot.Stores.Unanswered.ListAsync(UnansweredStatus.Open, 100, CancellationToken.None);
}
