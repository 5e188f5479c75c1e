using Assistant.Bot.Host.Tests.Support;
using static Assistant.Bot.Host.Tests.Staff.PersonalManagerSteps;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The segment rule only: people from the portal's «business» section get a personal manager; one conversation per operator.</summary>
public sealed class PersonalManagerSegmentApp : RunningApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Dialogs:PersonalManagers:Segments:0", "business"),
        ("Dialogs:PersonalManagers:RepeatHandovers", "0"), ("Staff:MaxConversationsPerOperator", "1"),
    ];
}

/// <summary>
/// Personal managers by segment (Dialogs:PersonalManagers:Segments): a person of the configured segment goes back to the
/// operator who took them last when that operator is present with room, as the same handover; else the group takes them.
/// </summary>
public sealed class PersonalManagerSegmentTests(PersonalManagerSegmentApp app) : IClassFixture<PersonalManagerSegmentApp>
{
    [Fact]
    public async Task A_person_of_the_configured_segment_goes_back_to_their_present_operator_alone()
    {
        var (citizen, manager, other) = await KnownClientAsync("seg-manager", "seg-other", "business");
        await SetPresenceAsync(manager, true);

        var second = await HandOverAsync(app, citizen, "business");

        Assert.Equal("seg-manager", second.PersonalManagerId);
        Assert.Equal(1, second.Transfers);
        Assert.Equal((true, "seg-manager"), await InQueueOfAsync(manager, second.Id));
        Assert.False((await InQueueOfAsync(other, second.Id)).Listed);
        await RefusedAsync(other, second.Id);
        await manager.OkAsync(manager.AcceptAsync(second.Id));
    }

    [Fact]
    public async Task A_person_of_another_segment_goes_to_the_group_even_when_their_last_operator_is_present()
    {
        var (citizen, manager, other) = await KnownClientAsync("seg-manager-2", "seg-other-2", "citizen");
        await SetPresenceAsync(manager, true);

        var second = await HandOverAsync(app, citizen, "citizen");

        Assert.Null(second.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, second.Id));
        await other.OkAsync(other.AcceptAsync(second.Id));
    }

    [Fact]
    public async Task A_person_of_the_segment_goes_to_the_group_when_their_operator_is_away()
    {
        var (citizen, manager, other) = await KnownClientAsync("seg-manager-3", "seg-other-3", "business");
        await SetPresenceAsync(manager, false);

        var second = await HandOverAsync(app, citizen, "business");

        Assert.Null(second.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, second.Id));
        await other.OkAsync(other.AcceptAsync(second.Id));
    }

    [Fact]
    public async Task A_person_of_the_segment_goes_to_the_group_when_their_operator_is_at_capacity()
    {
        var (citizen, manager, other) = await KnownClientAsync("seg-manager-4", "seg-other-4", "business");
        await SetPresenceAsync(manager, true);
        var busy = await HandOverAsync(app, WebChatCalls.NewUserId());
        await manager.OkAsync(manager.AcceptAsync(busy.Id));

        var second = await HandOverAsync(app, citizen, "business");

        Assert.Null(second.PersonalManagerId);
        Assert.Equal((true, null), await InQueueOfAsync(other, second.Id));
        await other.OkAsync(other.AcceptAsync(second.Id));
    }

    /// <summary>A citizen of <paramref name="segment"/> whose first conversation the manager took and finished; the manager and a colleague.</summary>
    private async Task<(string Citizen, OperatorClient Manager, OperatorClient Other)> KnownClientAsync(string managerLogin, string otherLogin, string segment)
    {
        var manager = await app.OperatorAsync(managerLogin);
        var other = await app.OperatorAsync(otherLogin);
        var citizen = WebChatCalls.NewUserId();
        var first = await HandOverAsync(app, citizen, segment);
        Assert.Equal(segment, first.Segment);
        Assert.Null(first.PersonalManagerId);
        await TakeAndFinishAsync(app, manager, citizen, first.Id);
        return (citizen, manager, other);
    }
}
