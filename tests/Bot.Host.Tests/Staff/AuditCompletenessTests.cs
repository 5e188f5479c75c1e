using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// Every view of citizens' data through the API leaves an audit line naming the conversations or requests it showed, and so do
/// the lists of staff accounts; a revoked or locked account's token in use is written down (once per ten minutes per token).
/// </summary>
public sealed class AuditCompletenessTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Reading_the_queue_and_ones_own_conversations_names_each_conversation_shown()
    {
        var waiting = await HandOverAsync("как получить полис омс");
        var taken = await HandOverAsync("как получить полис омс");
        var operatorClient = await app.OperatorAsync("audit-op-1", "oms");
        await operatorClient.OkAsync(operatorClient.AcceptAsync(taken));

        var queue = (await operatorClient.QueueAsync("")).EnumerateArray().Select(e => e.GetProperty("conversationId").GetString()!).ToList();
        using (var mine = await operatorClient.SendRawAsync(HttpMethod.Get, "api/operator/conversations/mine"))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }

        var lines = await Audit.ReadAsync("audit-op-1", null, 50, CancellationToken.None);
        var queueLine = lines.First(e => e.Action == "queue");
        Assert.Equal($"{queue.Count} waiting: {string.Join(", ", queue)}", queueLine.Details);
        Assert.Contains(waiting, queueLine.Details);
        Assert.Contains(lines, e => e.Action == "transcript" && e.ConversationId == taken && e.Details == "mine");

        // «Who saw this conversation?»: the log searched by conversation finds the queue read that listed it.
        var aboutWaiting = await Audit.ReadAsync(null, waiting, 50, CancellationToken.None);
        Assert.Contains(aboutWaiting, e => e.Actor == "audit-op-1" && e.Action == "queue");
        Assert.Equal("в очереди " + RussianQueueCount(queue.Count), Wording.Details(queueLine, id => id ?? ""));
    }

    [Fact]
    public async Task The_requests_list_is_audited_with_the_numbers_whose_contacts_it_showed()
    {
        var number = await WrittenRequestSteps.FileAsync(app, WebChatCalls.NewUserId(), "Прошу разъяснить порядок выдачи справки", "+7 916 000-11-22");
        var operatorClient = await app.OperatorAsync("audit-op-2", "general");
        await operatorClient.OkAsync(operatorClient.SendRawAsync(HttpMethod.Post, $"api/requests/{Uri.EscapeDataString(number)}/assign"));

        using var list = await operatorClient.SendRawAsync(HttpMethod.Get, "api/requests");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var count = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
        var line = (await Audit.ReadAsync("audit-op-2", null, 10, CancellationToken.None)).First(e => e.Action == "requests-list");
        Assert.Equal($"{count} requests; contacts shown: {number}", line.Details);
    }

    [Fact]
    public async Task Lists_of_staff_accounts_are_audited()
    {
        using var admin = Client(await app.AddStaffAsync("audit-admin", "admin"));
        using var supervisor = Client(await app.AddStaffAsync("audit-sup", "supervisor"));

        (await admin.GetAsync("api/admin/accounts")).EnsureSuccessStatusCode();
        (await supervisor.GetAsync("api/supervisor/operators")).EnsureSuccessStatusCode();

        Assert.Contains(await Audit.ReadAsync("audit-admin", null, 10, CancellationToken.None), e => e.Action == "accounts-read" && e.Details!.EndsWith(" accounts", StringComparison.Ordinal));
        Assert.Contains(await Audit.ReadAsync("audit-sup", null, 10, CancellationToken.None), e => e.Action == "operators-read");
    }

    [Fact]
    public async Task A_revoked_token_or_a_locked_accounts_token_in_use_is_written_down_once_per_ten_minutes_and_an_unknown_one_never()
    {
        var revoked = await app.AddStaffAsync("audit-revoked", "operator", "general");
        var locked = await app.AddStaffAsync("audit-locked", "operator", "general");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Assistant.Bot.Host.Staff.Accounts.StaffUser>>();
            await scope.ServiceProvider.GetRequiredService<Assistant.Bot.Host.Staff.Accounts.StaffTokens>()
                .RevokeAllAsync((await users.FindByNameAsync("audit-revoked"))!, CancellationToken.None);
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("audit-locked"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        foreach (var token in new[] { revoked, revoked, locked, locked, "ast_" + new string('q', 43) })
        {
            using var client = Client(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/operator/queue")).StatusCode);
        }

        Assert.Equal(["revoked"], (await Audit.ReadAsync("audit-revoked", null, 10, CancellationToken.None)).Where(e => e.Action == "token-refused").Select(e => e.Details));
        Assert.Equal(["account locked"], (await Audit.ReadAsync("audit-locked", null, 10, CancellationToken.None)).Where(e => e.Action == "token-refused").Select(e => e.Details));
        var all = await Audit.ReadAsync(null, null, 1000, CancellationToken.None);
        Assert.Equal(2, all.Count(e => e.Action == "token-refused"));
    }

    private AuditLog Audit => app.Services.GetRequiredService<AuditLog>();

    private AuditWording Wording => app.Services.GetRequiredService<AuditWording>();

    private static string RussianQueueCount(int count) => Assistant.Bot.Host.Staff.Dashboards.RussianFigures.Count(count, "диалог", "диалога", "диалогов");

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private Task<string> HandOverAsync(string question) => WebChatCalls.HandOverAsync(app, question);
}
