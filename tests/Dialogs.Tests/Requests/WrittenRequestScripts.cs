using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Requests;

/// <summary>Written requests: outside operator hours, with a full queue, or on the citizen's choice.</summary>
public sealed class WrittenRequestScripts
{
    private static void WorkingHours(DialogOptions options)
    {
        options.Hours.Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        options.Hours.From = TimeSpan.FromHours(9);
        options.Hours.To = TimeSpan.FromHours(18);
    }

    [Fact]
    public async Task Outside_operator_hours_a_written_request_is_filed_and_acknowledged_at_once_with_number_and_deadline()
    {
        await using var bot = await DialogHarness.StartAsync(WorkingHours);
        await bot.Flow()
            .Wait(TimeSpan.FromHours(10))
            .Send("позовите человека")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "специалисты не работают", offer =>
            {
                Assert.Contains("пн–пт, 09:00–18:00 (МСК)", offer.Text);
                Assert.Contains("письменное обращение", offer.Text);
            })
            .AssertButtons("Отмена")
            .AssertState(ConversationState.CollectingRequestText)
            .Send("Прошу разъяснить, почему мне отказали в полисе. Мой СНИЛС 123-456-789 01")
            .AssertReply(MessageKind.Notice, "e-mail или телефон")
            .AssertState(ConversationState.CollectingRequestContact)
            .Send("пишите на ivanov@example.ru")
            .AssertReply(MessageKind.RequestAcknowledged, "№ МЗ-000001", ack => Assert.Contains("до 03.04.2025", ack.Text))
            .AssertState(ConversationState.BotAnswering)
            .Check(async (harness, conversation) =>
            {
                var request = await harness.Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None);
                Assert.NotNull(request);
                Assert.Equal(conversation.Id, request.ConversationId);
                Assert.Equal("ivanov@example.ru", request.Contact);
                Assert.Equal("Прошу разъяснить, почему мне отказали в полисе. Мой СНИЛС [СНИЛС]", request.Text);
                Assert.Equal(harness.Time.GetUtcNow().AddDays(30), request.DueAt);
                Assert.Null(conversation.PendingRequestText);

                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Contains(transcript, e => e.Text == "пишите на [e-mail]");
                Assert.DoesNotContain(transcript, e => e.Text.Contains("ivanov") || e.Text.Contains("123-456"));
            });

        await bot.Flow("citizen-2")
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("Вопрос о льготных лекарствах")
            .AssertReply(MessageKind.Notice)
            .Send("+7 (912) 345-67-89")
            .AssertReply(MessageKind.RequestAcknowledged, "МЗ-000002");
        Assert.Equal("+7 (912) 345-67-89", (await bot.Stores.Requests.GetAsync("МЗ-000002", CancellationToken.None))?.Contact);
    }

    [Fact]
    public async Task During_operator_hours_the_same_request_goes_to_the_queue()
    {
        await using var bot = await DialogHarness.StartAsync(WorkingHours);
        await bot.Flow()
            .Send("позовите человека")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .AssertState(ConversationState.WaitingForOperator);
    }

    [Fact]
    public async Task A_full_queue_offers_a_written_request_instead()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.Handoff.MaxQueueLength = 1);
        await bot.Flow("first")
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice);
        await bot.Flow("second")
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "все специалисты заняты")
            .AssertState(ConversationState.CollectingRequestText);
    }

    [Fact]
    public async Task A_contact_that_is_not_an_email_or_phone_is_asked_again_and_cancel_returns_to_the_bot()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("погода в москве")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback)
            .Press("Написать обращение")
            .AssertReply(MessageKind.Notice, "Опишите")
            .AssertState(ConversationState.CollectingRequestText)
            .Send("😀")
            .AssertReply(MessageKind.Notice, "словами")
            .Send("Хочу узнать про путёвку в санаторий")
            .AssertReply(MessageKind.Notice, "e-mail или телефон")
            .Send("завтра напишу")
            .AssertReply(MessageKind.Notice, "Не получилось распознать контакт")
            .AssertState(ConversationState.CollectingRequestContact)
            .Press("Отмена")
            .AssertReply(MessageKind.Notice, "обращение не создано")
            .AssertState(ConversationState.BotAnswering)
            .Check((_, conversation) => Assert.Null(conversation.PendingRequestText));
        Assert.Null(await bot.Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None));
    }

    [Fact]
    public async Task Question_resolved_while_the_request_is_written_closes_without_filing_it()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "Опишите")
            .Send("Вопрос решён, спасибо")
            .AssertReply(MessageKind.RatingPrompt)
            .AssertState(ConversationState.AwaitingRating);
        Assert.Null(await bot.Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None));
    }
}
