using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Lifecycle;

/// <summary>Closes a conversation and asks for the 1–5 rating, once in its life.</summary>
internal sealed class ConversationCloser(DialogServices services)
{
    /// <param name="lead">What opens the closing message instead of the reason's phrase (empty: the rating prompt alone).</param>
    public void Close(ConversationSession session, CloseReason reason, string? lead = null)
    {
        var phrases = services.Phrases;
        lead ??= reason switch
        {
            CloseReason.Citizen => phrases.ClosedByCitizen,
            CloseReason.Operator => phrases.ClosedByOperator,
            _ => phrases.ClosedByInactivity,
        };

        KeepIgnoredClarify(session);
        session.Fire(ConversationTrigger.Closed);
        services.Logger.ConversationClosed(session.Conversation.Id, reason.ToString());
        services.Statistics.Closed(session);
        if (reason == CloseReason.Inactivity && NothingToRate(session.Conversation))
        {
            // A visitor who opened the chat and asked nothing (or only said hello) has no help to rate, and a closing message
            // would be a notification about nothing.
            session.Fire(ConversationTrigger.RatingSkipped);
            return;
        }

        if (session.Conversation.RatingAsked)
        {
            if (lead.Length > 0)
            {
                session.Say(MessageKind.Notice, lead, from: Authors.System);
            }

            session.Fire(ConversationTrigger.RatingSkipped);
            return;
        }

        session.Say(MessageKind.RatingPrompt, lead.Length > 0 ? lead + " " + phrases.RatingPrompt : phrases.RatingPrompt, ButtonTitles.Scores(), from: Authors.System);
        session.Conversation = session.Conversation with { RatingAskedAt = services.Now };
        session.Fire(ConversationTrigger.RatingAsked);
    }

    /// <summary>
    /// A «Возможно, вы имели в виду…» list still waiting for a choice when the conversation closes (the citizen went away, or it
    /// closed by inactivity): nothing on it was chosen, as much a miss for the moderators' inbox as typing something else.
    /// </summary>
    private void KeepIgnoredClarify(ConversationSession session)
    {
        var conversation = session.Conversation;
        if (conversation.LastReplyKind == MessageKind.Clarify && conversation.ClarifyArticleIds.Count > 0 && conversation.LastQuestion is { } question)
        {
            session.AfterCommit(ct => services.Unanswered.RecordAsync(conversation, Learning.UnansweredKind.ClarifyIgnored, question,
                conversation.ClarifyArticleIds, null, ct));
        }
    }

    /// <summary>No question searched, no article shown, no handover, no request: nothing the citizen could rate.</summary>
    private static bool NothingToRate(Conversation conversation) =>
        conversation.LastQuestion is null && conversation.ShownArticleIds.Count == 0 && conversation.FirstQueuedAt is null
        && conversation.FallbackCount == 0 && conversation.PendingRequestText is null && conversation.RequestNumber is null && !conversation.RatingAsked;
}
