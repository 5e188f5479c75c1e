using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Requests;
using Assistant.Knowledge.Model;

namespace Assistant.Dialogs.Handoff;

/// <summary>
/// Hands a conversation from the bot to the queue of the skill group of its article, so the first transfer lands at the right
/// place; outside operator hours or with a full queue it offers a written request instead.
/// </summary>
internal sealed class HandoffFlow(DialogServices services, WrittenRequestFlow requests)
{
    public async Task StartAsync(ConversationSession session, HandoffReason reason, Article? article, CancellationToken cancellationToken)
    {
        var phrases = services.Phrases;
        var conversation = session.Conversation;
        article ??= conversation.LastArticleId is { } lastId ? services.Knowledge.FindArticle(lastId) : null;
        var group = string.IsNullOrWhiteSpace(article?.HandoffGroup) ? services.Options.Handoff.DefaultGroup : article.HandoffGroup;
        session.Conversation = conversation with
        {
            LifeSituation = article?.LifeSituation ?? conversation.LifeSituation,
            LastArticleId = article?.Id ?? conversation.LastArticleId,
            HandoffGroup = group,
            ConsecutiveFallbacks = 0,
        };

        if (await UnavailableAsync(group, cancellationToken) is { } unavailable)
        {
            services.Logger.OperatorsUnavailable(conversation.Id, group, unavailable.Why);
            requests.Start(session, unavailable.Tell + " " + phrases.RequestOffer);
            return;
        }

        var lead = reason switch
        {
            HandoffReason.NotHelped => phrases.HandoffNotHelped,
            HandoffReason.Fallbacks => phrases.HandoffFallbacks,
            HandoffReason.Sensitive => phrases.HandoffSensitive,
            _ => phrases.HandoffRequested,
        };

        session.Conversation = session.Conversation with
        {
            Transfers = conversation.Transfers + 1,
            QueuedAt = services.Now,
            FirstQueuedAt = conversation.FirstQueuedAt ?? services.Now,
            OperatorId = null,
        };
        await services.PersonalManagers.RouteAsync(session, cancellationToken);
        if (conversation.LastReplyKind == MessageKind.Answer && conversation.LastArticleId is { } answered)
        {
            services.Statistics.HandoverAfter(session, answered);
        }

        session.Fire(ConversationTrigger.HandedOver);
        session.Say(MessageKind.HandoffNotice, lead + " " + phrases.HandoffQueued, phrases.Buttons.ResolvedOnly());
        services.Logger.HandedOver(conversation.Id, group, reason.ToString(), session.Conversation.Transfers);
        DialogMetrics.HandedOver(conversation.Key.Channel, reason.ToString());
    }

    /// <summary>
    /// The citizen writes while waiting for or talking to an operator: the message is in the transcript for the operator. While
    /// waiting, «оператор», «не помогло» and «алло, есть кто?» are also told that the question is with a specialist: silence
    /// after «есть кто?» reads as a broken chat.
    /// </summary>
    public void HandleCitizen(TurnContext context, RecognizedIntent intent)
    {
        var session = context.Session;
        if (intent.Kind == CitizenIntent.Resolved)
        {
            // Nobody has helped yet while the question waits in the queue: «Рады были помочь!» would ring false.
            services.Closer.Close(session, CloseReason.Citizen,
                session.Conversation.State == ConversationState.WaitingForOperator ? services.Phrases.LeftQueue : null);
        }
        else if (session.Conversation.State == ConversationState.WaitingForOperator
            && (intent.Kind is CitizenIntent.Operator or CitizenIntent.NotHelped || services.Intents.ChecksSomeoneIsThere(context.Activity.Text)))
        {
            session.Say(MessageKind.Notice, services.Phrases.AlreadyQueued, services.Phrases.Buttons.ResolvedOnly());
        }
        else if (context.Activity.Type != ActivityType.Message)
        {
            context.Outcome = TurnOutcome.Ignored;
        }
        else if (session.Conversation.State == ConversationState.WithOperator && session.Conversation.CitizenUnansweredSince is null)
        {
            // The operator's console marks the conversation until the operator writes back.
            session.Conversation = session.Conversation with { CitizenUnansweredSince = services.Now };
        }
    }

    /// <summary>Why no operator can take the conversation now (for the log, and what to tell the citizen), or null when one can.</summary>
    private async Task<(string Why, string Tell)?> UnavailableAsync(string group, CancellationToken cancellationToken)
    {
        if (!services.Hours.IsOpen(services.Now))
        {
            return ("outside hours", Templates.BotPhrases.Fill(services.Phrases.OperatorsClosed, ("hours", services.Hours.Describe())));
        }

        return await services.Stores.Conversations.CountQueueAsync(group, cancellationToken) >= services.Options.Handoff.MaxQueueLength
            ? ("queue full", services.Phrases.OperatorsBusy)
            : null;
    }
}
