using Assistant.Bot.Host.Tests.Support;
using static Assistant.Bot.Host.Tests.Staff.PersonalManagerSteps;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The repeat rule only (3 handovers in 30 days), one conversation per operator, and a clock the tests move.</summary>
public sealed class PersonalManagerRepeatApp : ClockedApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Dialogs:PersonalManagers:RepeatHandovers", "3"), ("Dialogs:PersonalManagers:RepeatDays", "30"),
        ("Staff:MaxConversationsPerOperator", "1"),
    ];
}

/// <summary>
/// Personal managers for repeated unresolved contacts (Dialogs:PersonalManagers:RepeatHandovers in RepeatDays): the third
/// handover within 30 days goes back to the operator who took the person last when that operator is present with room, as
/// the same handover; fewer handovers, or older ones, or an operator away or at capacity, and the group takes them.
/// </summary>
public sealed class PersonalManagerRepeatContactTests(PersonalManagerRepeatApp app) : IClassFixture<PersonalManagerRepeatApp>
{
    [Fact]
    public async Task The_third_handover_in_30_days_goes_back_to_the_present_last_operator_alone_and_the_second_does_not()
    {
        var (manager, other) = await OperatorsAsync("rep-manager", "rep-other");
        await SetPresenceAsync(manager, true);
        var citizen = WebChatCalls.NewUserId();
        var first = await HandOverAsync(app, citizen);
        Assert.Null(first.PersonalManagerId);
        await TakeAndFinishAsync(app, manager, citizen, first.Id);

        // Two handovers are not yet a repeated contact: the group sees the second one.
        var second = await HandOverAsync(app, citizen);
        Assert.Null(second.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, second.Id));
        await TakeAndFinishAsync(app, manager, citizen, second.Id);

        var third = await HandOverAsync(app, citizen);

        Assert.Equal("rep-manager", third.PersonalManagerId);
        Assert.Equal(1, third.Transfers);
        Assert.Equal((true, "rep-manager"), await InQueueOfAsync(manager, third.Id));
        Assert.False((await InQueueOfAsync(other, third.Id)).Listed);
        await RefusedAsync(other, third.Id);
        await manager.OkAsync(manager.AcceptAsync(third.Id));
    }

    [Fact]
    public async Task Handovers_older_than_30_days_do_not_count()
    {
        var (manager, other) = await OperatorsAsync("rep-manager-old", "rep-other-old");
        await SetPresenceAsync(manager, true);
        var citizen = WebChatCalls.NewUserId();
        for (var i = 0; i < 2; i++)
        {
            await TakeAndFinishAsync(app, manager, citizen, (await HandOverAsync(app, citizen)).Id);
        }

        app.Clock.Advance(TimeSpan.FromDays(31));
        var third = await HandOverAsync(app, citizen);

        Assert.Null(third.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, third.Id));
        await other.OkAsync(other.AcceptAsync(third.Id));
    }

    [Fact]
    public async Task A_repeated_contact_goes_to_the_group_when_the_last_operator_is_away()
    {
        var (manager, other) = await OperatorsAsync("rep-manager-away", "rep-other-away");
        var citizen = await RepeatedContactAsync(manager);
        await SetPresenceAsync(manager, false);

        var third = await HandOverAsync(app, citizen);

        Assert.Null(third.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, third.Id));
        await other.OkAsync(other.AcceptAsync(third.Id));
    }

    [Fact]
    public async Task A_repeated_contact_goes_to_the_group_when_the_last_operator_is_at_capacity()
    {
        var (manager, other) = await OperatorsAsync("rep-manager-full", "rep-other-full");
        var citizen = await RepeatedContactAsync(manager);
        await SetPresenceAsync(manager, true);
        var busy = await HandOverAsync(app, WebChatCalls.NewUserId());
        await manager.OkAsync(manager.AcceptAsync(busy.Id));

        var third = await HandOverAsync(app, citizen);

        Assert.Null(third.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, third.Id));
        await other.OkAsync(other.AcceptAsync(third.Id));
    }

    private async Task<(OperatorClient Manager, OperatorClient Other)> OperatorsAsync(string managerLogin, string otherLogin) =>
        (await app.OperatorAsync(managerLogin), await app.OperatorAsync(otherLogin));

    /// <summary>A citizen handed over twice, both times taken by <paramref name="manager"/>: the next handover is the third.</summary>
    private async Task<string> RepeatedContactAsync(OperatorClient manager)
    {
        var citizen = WebChatCalls.NewUserId();
        for (var i = 0; i < 2; i++)
        {
            await TakeAndFinishAsync(app, manager, citizen, (await HandOverAsync(app, citizen)).Id);
        }

        return citizen;
    }
}
