using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Tests.Lifecycle;

public sealed class ConversationStateMachineTests
{
    [Fact]
    public void Every_state_is_reachable_from_new_and_every_open_state_can_reach_done()
    {
        var reachable = Reachable(ConversationState.New, t => [(t.From, t.To)]);
        Assert.Equal(Enum.GetValues<ConversationState>().ToHashSet(), reachable);

        foreach (var state in Enum.GetValues<ConversationState>().Where(s => s != ConversationState.New))
        {
            Assert.Contains(ConversationState.Done, Reachable(state, t => [(t.From, t.To)]));
        }
    }

    [Fact]
    public void The_happy_path_reads_as_the_issue_describes_it()
    {
        var state = ConversationState.New;
        foreach (var trigger in new[]
        {
            ConversationTrigger.Started, ConversationTrigger.HandedOver, ConversationTrigger.OperatorAccepted, ConversationTrigger.Closed,
            ConversationTrigger.RatingAsked, ConversationTrigger.Rated, ConversationTrigger.Commented,
        })
        {
            state = ConversationStateMachine.Fire(state, trigger);
        }

        Assert.Equal(ConversationState.Done, state);
    }

    [Theory]
    [InlineData(ConversationState.Done, ConversationTrigger.RatingAsked)]
    [InlineData(ConversationState.AwaitingComment, ConversationTrigger.Rated)]
    [InlineData(ConversationState.WaitingForOperator, ConversationTrigger.HandedOver)]
    [InlineData(ConversationState.BotAnswering, ConversationTrigger.OperatorAccepted)]
    [InlineData(ConversationState.New, ConversationTrigger.Closed)]
    public void A_move_that_is_not_in_the_table_is_a_bug(ConversationState from, ConversationTrigger trigger)
    {
        Assert.False(ConversationStateMachine.CanFire(from, trigger));
        Assert.Throws<InvalidOperationException>(() => ConversationStateMachine.Fire(from, trigger));
    }

    [Fact]
    public void Done_is_final()
    {
        Assert.DoesNotContain(ConversationStateMachine.Transitions, t => t.From == ConversationState.Done);
    }

    private static HashSet<ConversationState> Reachable(ConversationState start,
        Func<(ConversationState From, ConversationTrigger Trigger, ConversationState To), IEnumerable<(ConversationState, ConversationState)>> edges)
    {
        var seen = new HashSet<ConversationState> { start };
        var queue = new Queue<ConversationState>([start]);
        var all = ConversationStateMachine.Transitions.SelectMany(edges).ToList();
        while (queue.TryDequeue(out var state))
        {
            foreach (var (_, to) in all.Where(e => e.Item1 == state))
            {
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return seen;
    }
}
