using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Requests;

/// <summary>The written requests desk on the real SQLite store: take, answer (sent to the citizen's channel), close, overdue first.</summary>
public sealed class RequestDeskTests
{
    [Fact]
    public async Task A_request_is_taken_answered_into_the_citizens_channel_and_closed_by_one_staff_member_only()
    {
        await using var bot = await DialogHarness.StartAsync();
        await FileAsync(bot, "citizen-1", "Хочу узнать про путёвку в санаторий");
        var desk = new RequestDesk(bot.Services);

        var listed = Assert.Single(await desk.ListAsync(CancellationToken.None));
        Assert.Equal(RequestStatus.New, listed.Work.Status);
        Assert.Null(listed.Work.Assignee);

        Assert.True((await desk.AssignAsync("МЗ-000001", "anna", CancellationToken.None)).Succeeded);
        Assert.Equal(RequestDeskError.NotYours, (await desk.AssignAsync("МЗ-000001", "boris", CancellationToken.None)).Error);
        Assert.Equal(RequestDeskError.NotYours, (await desk.AnswerAsync("МЗ-000001", "boris", "чужой ответ", CancellationToken.None)).Error);
        Assert.Equal(RequestDeskError.EmptyText, (await desk.AnswerAsync("МЗ-000001", "anna", "  ", CancellationToken.None)).Error);
        var tooLong = await desk.AnswerAsync("МЗ-000001", "anna", new string('а', RequestDesk.MaxAnswerLength + 1), CancellationToken.None);
        Assert.Equal(RequestDeskError.TooLong, tooLong.Error);
        Assert.Equal("Текст длиннее 20000 символов не сохранён: сократите его.", tooLong.Message);
        Assert.Equal(RequestStatus.InWork, (await desk.GetAsync("МЗ-000001", CancellationToken.None))!.Work.Status);

        var answered = await desk.AnswerAsync("МЗ-000001", "anna", "Путёвку выдаёт региональное отделение СФР по заявлению.", CancellationToken.None);

        Assert.True(answered.Succeeded, answered.Message);
        Assert.Equal(RequestStatus.Answered, answered.Request!.Work.Status);
        Assert.True(answered.Request.Work.AnswerDelivered);
        var sent = bot.Web.To(new ConversationKey("web", "citizen-1")).Last();
        Assert.Equal(MessageKind.OperatorMessage, sent.Kind);
        Assert.Equal("Ответ на ваше обращение № МЗ-000001:\n\nПутёвку выдаёт региональное отделение СФР по заявлению.", sent.Text);
        Assert.Equal(RequestDeskError.NotYours, (await desk.CloseAsync("МЗ-000001", "boris", null, CancellationToken.None)).Error);
        Assert.True((await desk.CloseAsync("МЗ-000001", "anna", null, CancellationToken.None)).Succeeded);
        var closed = await desk.GetAsync("МЗ-000001", CancellationToken.None);
        Assert.Equal(RequestStatus.Closed, closed!.Work.Status);
        Assert.Equal("Путёвку выдаёт региональное отделение СФР по заявлению.", closed.Work.Answer);
        Assert.Equal(RequestDeskError.WrongState, (await desk.AssignAsync("МЗ-000001", "anna", CancellationToken.None)).Error);
    }

    [Fact]
    public async Task A_request_is_closed_only_by_its_assignee_and_without_an_answer_only_with_a_reason()
    {
        await using var bot = await DialogHarness.StartAsync();
        await FileAsync(bot, "citizen-1", "Прошу разъяснить порядок получения путёвки в санаторий");
        var desk = new RequestDesk(bot.Services);

        Assert.Equal(RequestDeskError.NotTaken, (await desk.CloseAsync("МЗ-000001", "boris", "дубликат", CancellationToken.None)).Error);
        Assert.True((await desk.AssignAsync("МЗ-000001", "anna", CancellationToken.None)).Succeeded);
        Assert.Equal(RequestDeskError.NotYours, (await desk.CloseAsync("МЗ-000001", "boris", "дубликат", CancellationToken.None)).Error);
        Assert.Equal(RequestDeskError.TooLong, (await desk.CloseAsync("МЗ-000001", "anna", new string('п', RequestDesk.MaxReasonLength + 1), CancellationToken.None)).Error);
        var refused = await desk.CloseAsync("МЗ-000001", "anna", "  ", CancellationToken.None);
        Assert.Equal(RequestDeskError.NoAnswer, refused.Error);
        Assert.Contains("указав причину", refused.Message);

        Assert.True((await desk.CloseAsync("МЗ-000001", "anna", "Дубликат обращения МЗ-000000", CancellationToken.None)).Succeeded);
        var closed = await desk.GetAsync("МЗ-000001", CancellationToken.None);
        Assert.Equal(RequestStatus.Closed, closed!.Work.Status);
        Assert.Equal("Дубликат обращения МЗ-000000", closed.Work.CloseReason);
        Assert.Null(closed.Work.Answer);
    }

    [Fact]
    public async Task Overdue_requests_come_first_and_two_staff_taking_one_request_at_once_leave_one_assignee()
    {
        await using var bot = await DialogHarness.StartAsync();
        await FileAsync(bot, "citizen-1", "Первое обращение о льготных лекарствах");
        bot.Time.Advance(TimeSpan.FromDays(20));
        await FileAsync(bot, "citizen-2", "Второе обращение о полисе ОМС");
        var desk = new RequestDesk(bot.Services);
        Assert.True((await desk.AssignAsync("МЗ-000002", "anna", CancellationToken.None)).Succeeded);
        bot.Time.Advance(TimeSpan.FromDays(11));

        var list = await desk.ListAsync(CancellationToken.None);

        Assert.Equal(["МЗ-000001", "МЗ-000002"], list.Select(r => r.Request.Number));
        Assert.True(list[0].IsOverdueAt(bot.Time.GetUtcNow()));
        Assert.False(list[1].IsOverdueAt(bot.Time.GetUtcNow()));

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => desk.AssignAsync("МЗ-000001", "staff-" + i, CancellationToken.None)));
        Assert.Single(racing, r => r.Succeeded);
        Assert.All(racing.Where(r => !r.Succeeded), r => Assert.Contains(r.Error, new RequestDeskError?[] { RequestDeskError.Changed, RequestDeskError.NotYours }));
        var winner = racing.Single(r => r.Succeeded).Request!.Work.Assignee;
        Assert.Equal(winner, (await desk.GetAsync("МЗ-000001", CancellationToken.None))!.Work.Assignee);
    }

    private static async Task FileAsync(DialogHarness bot, string user, string text) =>
        await bot.Flow(user)
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "Опишите")
            .Send(text)
            .AssertReply(MessageKind.Notice, "e-mail или телефон")
            .Send("ivanov@example.ru")
            .AssertReply(MessageKind.RequestAcknowledged, "№ МЗ-");
}
