using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Lifecycle;

/// <summary>Closes a conversation and asks for the 1–5 rating, once in its life.</summary>
internal sealed class ConversationCloser(DialogServices services)
{
    public void Close(ConversationSession session, CloseReason reason)
    {
        var phrases = services.Phrases;
        var lead = reason switch
        {
            CloseReason.Citizen => phrases.ClosedByCitizen,
            CloseReason.Operator => phrases.ClosedByOperator,
            _ => phrases.ClosedByInactivity,
        };

        session.Fire(ConversationTrigger.Closed);
        services.Logger.ConversationClosed(session.Conversation.Id, reason.ToString());
        services.Statistics.Closed(session);
        if (session.Conversation.RatingAsked)
        {
            session.Say(MessageKind.Notice, lead, from: Authors.System);
            session.Fire(ConversationTrigger.RatingSkipped);
            return;
        }

        session.Say(MessageKind.RatingPrompt, lead + " " + phrases.RatingPrompt, ButtonTitles.Scores(), from: Authors.System);
        session.Conversation = session.Conversation with { RatingAskedAt = services.Now };
        session.Fire(ConversationTrigger.RatingAsked);
    }
}
