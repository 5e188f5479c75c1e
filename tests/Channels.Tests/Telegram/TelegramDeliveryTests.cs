using Assistant.Channels.Telegram;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Dialogs.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>The engine's messages on their way out: split, rendered as HTML, paced, retried after 429, dropped for a blocked chat.</summary>
[Collection(TelegramWebhookCollection.Name)]
public sealed class TelegramDeliveryTests(TelegramWebhookApp app)
{
    [Fact]
    public async Task After_429_the_message_waits_what_retry_after_says_and_still_arrives()
    {
        const long chat = 5201;
        app.Telegram.Fail("sendMessage", chat, 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message("Ответ специалиста."), CancellationToken.None);

        var delivered = await app.Telegram.WaitForMessageAsync(chat, _ => true, "the message after the 429");
        Assert.Equal("Ответ специалиста.", delivered.Text);
        Assert.Equal([429, 200], app.Telegram.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == chat).Select(c => c.Status));
        var retry = Assert.Single(app.Logs.Lines, l => l.EventId == 4130 && l.Message.Contains($" chat {chat} ", StringComparison.Ordinal));
        Assert.Contains("failed (429); retry 1 in 00:00:01", retry.Message);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off_and_the_message_still_arrives()
    {
        const long chat = 5202;
        app.Telegram.Fail("sendMessage", chat, 502, "Bad Gateway", times: 2);

        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message("Ответ специалиста."), CancellationToken.None);

        await app.Telegram.WaitForMessageAsync(chat, _ => true, "the message after two 502s");
        Assert.Equal([502, 502, 200], app.Telegram.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == chat).Select(c => c.Status));
        var retries = app.Logs.Lines.Where(l => l.EventId == 4130 && l.Message.Contains($" chat {chat} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("failed (502); retry 1", retries[0].Message);
        Assert.Contains("failed (502); retry 2", retries[1].Message);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_recorded_and_not_retried_until_it_writes_again()
    {
        const long chat = 5211;
        var unreachable = app.Services.GetRequiredService<UnreachableChats>();
        app.Telegram.Fail("sendMessage", chat, 403, "Forbidden: bot was blocked by the user", times: int.MaxValue);

        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message("Специалист ответил на ваш вопрос."), CancellationToken.None);
        var record = await Eventually.ValueAsync(() => unreachable.Find(chat), "the chat recorded as unreachable");
        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message("Оцените, пожалуйста, помощь."), CancellationToken.None);

        Assert.Equal(403, record.ErrorCode);
        Assert.Contains("blocked", record.Description);
        Assert.Single(app.Telegram.Calls, c => c.Method == "sendMessage" && c.ChatId == chat);

        // The person unblocks the bot and writes: the chat is reachable again.
        app.Telegram.StopFailing(chat);
        using (await app.PostUpdateAsync(TelegramUpdates.Text(chat, "как получить полис омс")))
        {
        }

        await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer after unblocking");
        Assert.Null(unreachable.Find(chat));
    }

    [Fact]
    public async Task Retries_and_a_refused_message_are_counted_in_the_channel_metrics()
    {
        const long retried = 97221, refused = 97222;
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChannelMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "channel" && (string?)tag.Value == "telegram")
                {
                    counts.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
                }
            }
        });
        listener.Start();
        app.Telegram.Fail("sendMessage", retried, 502, "Bad Gateway", times: 1);
        app.Telegram.Fail("sendMessage", refused, 400, "Bad Request: message is too weird", times: int.MaxValue);

        await app.Sender.SendAsync(TelegramChannel.KeyOf(retried), Message("Ответ специалиста."), CancellationToken.None);
        await app.Telegram.WaitForMessageAsync(retried, _ => true, "the message after a 502");
        await app.Sender.SendAsync(TelegramChannel.KeyOf(refused), Message("Ответ специалиста."), CancellationToken.None);
        await Eventually.ValueAsync(() => counts.TryGetValue("assistant.channel.send.failures", out var n) && n >= 1 ? (object)n : null, "a failure counted");

        Assert.True(counts.GetValueOrDefault("assistant.channel.send.retries") >= 1, string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")) + " / " + string.Join(" | ", app.Telegram.Calls.Where(c => c.ChatId == retried).Select(c => c.Method + " " + c.Status)));
    }

    [Fact]
    public async Task A_5000_character_message_goes_out_as_two_split_at_the_paragraph_break()
    {
        const long chat = 5221;
        var first = Paragraph(3000);
        var second = Paragraph(1998);
        var text = first + "\n\n" + second;
        Assert.Equal(5000, text.Length);

        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message(text, [new QuickReply("Вопрос решён", ButtonPayloads.Resolved)]), CancellationToken.None);

        await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the second part with the keyboard");
        var parts = app.Telegram.SentTo(chat);
        Assert.Equal(2, parts.Count);
        Assert.Equal(first, parts[0].Text);
        Assert.Equal(second, parts[1].Text);
        Assert.Empty(parts[0].Buttons);
        Assert.Equal([("Вопрос решён", "resolved")], parts[1].Buttons);
    }

    [Fact]
    public async Task Markup_in_a_message_is_escaped_and_its_links_and_bold_become_html()
    {
        const long chat = 5231;
        const string text = "Не вставляйте <script>alert('x')</script> & не верьте «скидкам». **Важно:** полис бесплатный, см. [Госуслуги](https://www.gosuslugi.ru/?a=1&b=2).";

        await app.Sender.SendAsync(TelegramChannel.KeyOf(chat), Message(text), CancellationToken.None);

        var sent = await app.Telegram.WaitForMessageAsync(chat, _ => true, "the message");
        Assert.Equal(
            "Не вставляйте &lt;script&gt;alert('x')&lt;/script&gt; &amp; не верьте «скидкам». <b>Важно:</b> полис бесплатный, см. "
            + "<a href=\"https://www.gosuslugi.ru/?a=1&amp;b=2\">Госуслуги</a>.",
            sent.Text);
        Assert.Equal("HTML", sent.ParseMode, ignoreCase: true);
    }

    private static OutgoingMessage Message(string text, IReadOnlyList<QuickReply>? buttons = null) =>
        new("conversation-under-test", 1, Authors.Operator, MessageKind.OperatorMessage, text, buttons ?? [], null, DateTimeOffset.UtcNow);

    /// <summary>Plain words, exactly <paramref name="length"/> characters, ending with a full stop.</summary>
    private static string Paragraph(int length)
    {
        var words = string.Concat(Enumerable.Repeat("полис ", (length / 6) + 1))[..(length - 1)];
        return (words.EndsWith(' ') ? words[..^1] + "с" : words) + ".";
    }
}
