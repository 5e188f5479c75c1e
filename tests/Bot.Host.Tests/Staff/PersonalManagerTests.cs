using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>Flag rule only (repeat rule off), one conversation per operator, so capacity is easy to reach.</summary>
public sealed class PersonalManagerApp : RunningApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Dialogs:PersonalManagers:RepeatHandovers", "0"), ("Staff:MaxConversationsPerOperator", "1")];
}

/// <summary>
/// Personal managers: a flagged person goes back to the operator who took them last when that operator is present and has room
/// (online, offline, at capacity), reserved for them alone for the hold, with no extra transfer.
/// </summary>
public sealed class PersonalManagerTests(PersonalManagerApp app) : IClassFixture<PersonalManagerApp>
{
    [Fact]
    public async Task A_flagged_person_goes_to_their_present_manager_alone_and_other_operators_cannot_take_them()
    {
        var (citizen, manager, other) = await FlaggedClientAsync("pm-online", "op-online");
        await SetPresenceAsync(manager, true);

        var second = await HandOverAsync(citizen);

        var conversation = await WebChatCalls.ConversationOfAsync(app.Services, citizen);
        Assert.Equal("pm-online", conversation.PersonalManagerId);
        Assert.Equal(1, conversation.Transfers);
        Assert.Contains("инвалидность", conversation.Flags);
        var managerQueue = (await manager.QueueAsync("")).EnumerateArray().ToList();
        Assert.Equal(second, managerQueue[0].GetProperty("conversationId").GetString());
        Assert.Equal("pm-online", managerQueue[0].GetProperty("personalManagerId").GetString());
        Assert.DoesNotContain((await other.QueueAsync("")).EnumerateArray(), e => e.GetProperty("conversationId").GetString() == second);
        using (var taken = await other.AcceptAsync(second))
        {
            Assert.Equal(HttpStatusCode.Forbidden, taken.StatusCode);
            Assert.Contains("персональный менеджер", await taken.Content.ReadAsStringAsync());
        }

        await manager.OkAsync(manager.AcceptAsync(second));
    }

    [Fact]
    public async Task When_the_manager_is_away_the_group_takes_the_person_as_usual()
    {
        var (citizen, manager, other) = await FlaggedClientAsync("pm-away", "op-away");
        await SetPresenceAsync(manager, false);

        var second = await HandOverAsync(citizen);

        Assert.Null((await WebChatCalls.ConversationOfAsync(app.Services, citizen)).PersonalManagerId);
        Assert.Contains((await other.QueueAsync("")).EnumerateArray(), e => e.GetProperty("conversationId").GetString() == second);
        await other.OkAsync(other.AcceptAsync(second));
    }

    [Fact]
    public async Task When_the_manager_is_at_capacity_the_group_takes_the_person_as_usual()
    {
        var (citizen, manager, other) = await FlaggedClientAsync("pm-full", "op-full");
        await SetPresenceAsync(manager, true);
        var busy = await HandOverAsync(WebChatCalls.NewUserId());
        await manager.OkAsync(manager.AcceptAsync(busy));

        var second = await HandOverAsync(citizen);

        Assert.Null((await WebChatCalls.ConversationOfAsync(app.Services, citizen)).PersonalManagerId);
        await other.OkAsync(other.AcceptAsync(second));
    }

    /// <summary>
    /// A citizen whose first conversation the manager took, flagged «инвалидность» and closed; the manager and another operator of
    /// the same group.
    /// </summary>
    private async Task<(string Citizen, OperatorClient Manager, OperatorClient Other)> FlaggedClientAsync(string managerLogin, string otherLogin)
    {
        var manager = await app.OperatorAsync(managerLogin, "oms");
        var other = await app.OperatorAsync(otherLogin, "oms");
        var citizen = WebChatCalls.NewUserId();
        var first = await HandOverAsync(citizen);
        await manager.OkAsync(manager.AcceptAsync(first));
        var flagged = await manager.OkAsync(manager.FlagAsync(first, "инвалидность"));
        Assert.Contains("инвалидность", flagged.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        await manager.OkAsync(manager.CloseAsync(first));
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(app.Client,
            new { userId = citizen, clientMessageId = WebChatCalls.NewClientMessageId(), type = "rating", rating = 5 }));
        await WebChatCalls.SendAsync(app.Client, citizen, "спасибо, всё понятно");
        Assert.Equal(ConversationState.Done, (await WebChatCalls.ConversationOfAsync(app.Services, citizen)).State);
        return (citizen, manager, other);
    }

    /// <summary>The citizen asks about the OMS policy and asks for a person; returns the conversation now waiting in «oms».</summary>
    private async Task<string> HandOverAsync(string citizen)
    {
        await WebChatCalls.SendAsync(app.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, citizen, "Оператор", "operator");
        var conversation = await WebChatCalls.ConversationOfAsync(app.Services, citizen);
        Assert.Equal(ConversationState.WaitingForOperator, conversation.State);
        Assert.Equal("oms", conversation.HandoffGroup);
        return conversation.Id;
    }

    private static async Task SetPresenceAsync(OperatorClient client, bool online)
    {
        using var response = await client.SetPresenceAsync(online);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
