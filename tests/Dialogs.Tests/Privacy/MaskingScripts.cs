using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Privacy;

/// <summary>Personal data in a citizen's message never reaches the transcript, the KB search or the operator.</summary>
public sealed class MaskingScripts
{
    private const string Message =
        "Мой СНИЛС 123-456-789 01, паспорт 4510 123456, телефон +7 (912) 345-67-89 и 89123456789, почта ivan.petrov@mail.ru, полис 7755110833001234, карта 4111 1111 1111 1111";

    [Fact]
    public async Task Personal_data_in_a_message_never_appears_in_the_stored_transcript_or_the_search()
    {
        var kb = new FakeKnowledge();
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send(Message)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback)
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                var stored = Assert.Single(transcript, e => e.From == Authors.Citizen).Text;
                Assert.Equal(
                    "Мой СНИЛС [СНИЛС], паспорт [паспорт], телефон [телефон] и [телефон], почта [e-mail], полис [полис ОМС], карта [номер карты]",
                    stored);
                foreach (var secret in new[] { "123-456-789", "4510", "123456", "912", "345-67-89", "ivan.petrov", "mail.ru", "7755110833001234", "4111" })
                {
                    Assert.All(transcript, e => Assert.DoesNotContain(secret, e.Text));
                }
            });

        // The search reads the person's own words, not the tokens put in their place.
        var asked = Assert.Single(kb.Requests);
        Assert.DoesNotContain("123-456-789", asked.Text);
        Assert.DoesNotContain("[", asked.Text);
        Assert.StartsWith("Мой СНИЛС", asked.Text);
    }

    [Fact]
    public async Task A_message_of_personal_data_only_is_not_searched_and_the_citizen_is_told_it_is_not_needed()
    {
        var kb = new FakeKnowledge();
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("+7 912 345-67-89")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "не пишите в чат")
            .AssertNoReply();

        Assert.Empty(kb.Requests);
    }

    [Fact]
    public async Task A_written_request_keeps_the_contact_given_for_the_answer_but_masks_the_question()
    {
        await using var bot = await DialogHarness.StartAsync(knowledge: new FakeKnowledge());
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("Паспорт 4510 123456 не принимают в поликлинике")
            .AssertReply(MessageKind.Notice)
            .Send("Телефон 8 912 345-67-89, звоните после 18")
            .AssertReply(MessageKind.RequestAcknowledged, "МЗ-000001");
        var request = await bot.Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None);
        Assert.NotNull(request);
        Assert.Equal("Паспорт [паспорт] не принимают в поликлинике", request.Text);
        Assert.Equal("8 912 345-67-89", request.Contact);
    }

    [Fact]
    public async Task A_name_given_with_the_contact_is_kept_with_it_and_masked_in_the_text()
    {
        await using var bot = await DialogHarness.StartAsync(knowledge: new FakeKnowledge());
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("Меня зовут Анна Сергеевна, в поликлинике нет талонов к эндокринологу")
            .AssertReply(MessageKind.Notice, "фамилию")
            .Send("Иванова Анна Сергеевна, anna@example.ru")
            .AssertReply(MessageKind.RequestAcknowledged, "МЗ-000001");
        var request = await bot.Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None);
        Assert.Equal("Меня зовут [ФИО], в поликлинике нет талонов к эндокринологу", request!.Text);
        Assert.Equal("Иванова Анна Сергеевна; anna@example.ru", request.Contact);
    }
}
