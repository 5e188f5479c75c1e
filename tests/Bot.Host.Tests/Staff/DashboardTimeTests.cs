using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The dashboard's times (queue wait, first operator response, to close: p50 and p90, and «не дождались») against durations the
/// test sets with a clock it moves: the figures are the histogram bounds the hand-computed durations fall in.
/// </summary>
public sealed class DashboardTimeTests
{
    [Fact]
    public async Task Queue_wait_first_response_and_close_times_fall_in_the_hand_computed_bounds()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var op = await app.OperatorAsync("op-t", "oms", "general");

        // 1) waits 45 s, first reply after 145 s, closed about 21 min after it began.
        var slow = await HandOverAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(45));
        await op.OkAsync(op.AcceptAsync(slow));
        app.Clock.Advance(TimeSpan.FromSeconds(100));
        await op.OkAsync(op.ReplyAsync(slow, "Полис оформляет страховая медицинская организация."));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await op.OkAsync(op.CloseAsync(slow));

        // 2) accepted after 5 s, answered at once, closed at once.
        var quick = await HandOverAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await op.OkAsync(op.AcceptAsync(quick));
        await op.OkAsync(op.ReplyAsync(quick, "Полис оформляет страховая медицинская организация."));
        await op.OkAsync(op.CloseAsync(quick));

        // 3) the citizen gives up in the queue: no wait and no first response to measure, counted as «не дождались».
        var citizen = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, citizen, "Оператор", "operator");
        await WebChatCalls.PressAsync(app.Client, citizen, "Вопрос решён", "resolved");

        using var supervisor = new HttpClient { BaseAddress = app.Address };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync("sveta-t", "supervisor"));
        var times = (await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/dashboard")).GetProperty("times").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!);

        Time(times["Ожидание в очереди"], count: 2, p50: 10, p90: 60, never: 1);
        Time(times["Время до первого ответа оператора"], count: 2, p50: 10, p90: 300, never: 1);
        Time(times["Время до закрытия диалога"], count: 3, p50: 10, p90: 1800, never: 0);
    }

    private static async Task<string> HandOverAsync(RunningApp app)
    {
        var citizen = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, citizen, "Оператор", "operator");
        return (await WebChatCalls.ConversationOfAsync(app.Services, citizen)).Id;
    }

    private static void Time(JsonElement figure, long count, int p50, int p90, long never)
    {
        var name = figure.GetProperty("name").GetString();
        Assert.True(count == figure.GetProperty("count").GetInt64(), $"{name}: count {figure}");
        Assert.True(p50 == figure.GetProperty("p50Seconds").GetInt32(), $"{name}: p50 {figure}");
        Assert.True(p90 == figure.GetProperty("p90Seconds").GetInt32(), $"{name}: p90 {figure}");
        Assert.True(never == figure.GetProperty("never").GetInt64(), $"{name}: never {figure}");
    }
}
