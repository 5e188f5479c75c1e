using Assistant.Bot.Host.Tests.Support;
using Assistant.Tests.Servers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.ScaleOut;

/// <summary>
/// Two hosts on Redis + PostgreSQL, across: the citizen's web chat (page and stream) is served by host B, the operator works in
/// the console on host A; what the operator does on A reaches the citizen's widget on B, and the citizen's answer reaches the
/// console on A, without a reload on either side.
/// </summary>
public sealed class CrossHostReplyBrowserTests(RedisServer redis, PostgresServer postgres, ChromiumBrowser chromium)
    : IClassFixture<RedisServer>, IClassFixture<PostgresServer>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_operator_on_host_A_accepts_and_replies_and_the_citizen_on_host_B_sees_it_live()
    {
        SetDefaultExpectTimeout(15_000);
        var database = await postgres.CreateDatabaseAsync();
        (string, string)[] settings = [("ConnectionStrings:Redis", redis.Configuration), ("ConnectionStrings:Postgres", database)];
        await using var a = new ConfiguredApp(settings);
        await using var b = new ConfiguredApp(settings);
        await a.InitializeAsync();
        await b.InitializeAsync();
        await a.AddStaffAsync("cross-op", "operator", "oms");
        var operatorPage = await StaffBrowser.NewPageAsync(chromium, a);
        var citizenPage = await StaffBrowser.NewPageAsync(chromium, b);
        try
        {
            // The operator signs in on host A and waits on the queue.
            await operatorPage.GotoAsync("/staff/login");
            await StaffBrowser.SignInAsync(operatorPage, "cross-op");
            await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");

            // The citizen's widget is on host B: its page, its posts and its event stream.
            await citizenPage.GotoAsync("/");
            var chat = citizenPage.Locator("#assistant-chat");
            var log = chat.GetByRole(AriaRole.Log, new() { Name = "Переписка" });
            await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
            await chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync("как получить полис омс");
            await citizenPage.Keyboard.PressAsync("Enter");
            await log.Locator(".asw-kind--answer").Last.GetByRole(AriaRole.Button, new() { Name = "Оператор", Exact = true }).ClickAsync();
            await Expect(log.Locator(".asw-kind--handoffNotice")).ToBeVisibleAsync();

            // Host A's console shows it; the operator accepts and replies there.
            var row = operatorPage.Locator("table.queue tbody tr");
            await Expect(row).ToHaveCountAsync(1);
            await row.First.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
            await Expect(operatorPage.Locator("h1[data-ready=yes]")).ToContainTextAsync("Диалог:");
            await Expect(log).ToContainTextAsync("Специалист подключился к диалогу.");
            await operatorPage.GetByLabel("Текст ответа").FillAsync("Здравствуйте! Полис оформляет страховая медицинская организация, я подскажу адреса.");
            await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Ответить", Exact = true }).ClickAsync();
            await Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Ответ отправлен.");

            // The widget on host B receives it on its stream.
            await Expect(log.Locator(".asw-msg--operator")).ToContainTextAsync("я подскажу адреса");

            // And back: the citizen writes on B, the operator's open conversation on A shows it.
            await chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync("Спасибо, жду адреса в Казани");
            await citizenPage.Keyboard.PressAsync("Enter");
            await Expect(operatorPage.GetByRole(AriaRole.Region, new() { Name = "Переписка" })).ToContainTextAsync("жду адреса в Казани");
        }
        catch (Exception e) when (!a.LoggedErrors.IsEmpty || !b.LoggedErrors.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nhost A logged: {string.Join("\n", a.LoggedErrors)}\nhost B logged: {string.Join("\n", b.LoggedErrors)}");
        }
        finally
        {
            await operatorPage.Context.CloseAsync();
            await citizenPage.Context.CloseAsync();
        }
    }
}
