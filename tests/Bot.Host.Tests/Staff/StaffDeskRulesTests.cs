using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>An app where an operator may hold one conversation at a time (Staff:MaxConversationsPerOperator = 1).</summary>
public sealed class CapacityOneApp : RunningApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Staff:MaxConversationsPerOperator", "1")];
}

/// <summary>Groups, capacity and the supervisors' view, through the API and the supervisors' pages.</summary>
public sealed class StaffDeskRulesTests(CapacityOneApp app, ChromiumBrowser chromium) : IClassFixture<CapacityOneApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_operator_sees_and_takes_only_their_groups_within_capacity_and_a_supervisor_sees_the_load()
    {
        var first = await HandOverAsync("как получить полис омс");
        var second = await HandOverAsync("как получить полис омс");
        var oms = await app.OperatorAsync("nina", "oms");
        var care = await app.OperatorAsync("kira", "care");

        var ninaQueue = (await oms.QueueAsync("")).EnumerateArray().Select(e => e.GetProperty("conversationId").GetString()).ToList();
        Assert.Contains(first, ninaQueue);
        Assert.Empty((await care.QueueAsync("")).EnumerateArray());
        Assert.Empty((await care.QueueAsync("oms")).EnumerateArray());

        using (var notHers = await care.AcceptAsync(first))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);
            Assert.Contains("группы, в которую вы не входите", await notHers.Content.ReadAsStringAsync());
        }

        await oms.OkAsync(oms.AcceptAsync(first));
        using (var full = await oms.AcceptAsync(second))
        {
            Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
            var problem = JsonDocument.Parse(await full.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("AtCapacity", problem.GetProperty("title").GetString());
            Assert.Contains("предельное число диалогов (1)", problem.GetProperty("detail").GetString());
        }

        var supervisorToken = await app.AddStaffAsync("sveta", "supervisor");
        using var supervisor = new HttpClient { BaseAddress = app.Address };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", supervisorToken);
        var loads = await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/operators");
        var nina = loads.EnumerateArray().Single(o => o.GetProperty("login").GetString() == "nina");
        Assert.Equal(1, nina.GetProperty("conversations").GetInt32());
        var all = await supervisor.GetFromJsonAsync<JsonElement>("api/operator/queue");
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("conversationId").GetString() == second);

        // The supervisors' pages in a browser: the load table and the audit log, both axe-clean.
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.Address.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/operators");
        await StaffBrowser.SignInAsync(page, "sveta");
        var ninaRow = page.Locator("table.operators tbody tr", new() { HasText = "nina" });
        await Expect(ninaRow).ToContainTextAsync("1 из 1");
        await Expect(ninaRow).ToContainTextAsync("ОМС и полисы");
        AxeChecks.AssertNoSeriousViolations("the operators page", await page.RunAxe());

        await page.GetByRole(AriaRole.Link, new() { Name = "Журнал" }).ClickAsync();
        await page.GetByLabel("Сотрудник").FillAsync("kira");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(page.Locator("table.audit tbody tr").First).ToContainTextAsync("принятие диалога: отказ");
        AxeChecks.AssertNoSeriousViolations("the audit page", await page.RunAxe());
        await context.CloseAsync();
    }

    private Task<string> HandOverAsync(string question) => WebChatCalls.HandOverAsync(app, question);
}
