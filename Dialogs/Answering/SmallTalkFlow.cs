using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Answering;

/// <summary>
/// Short, neutral replies to what is not a question, without a KB search: a greeting (unless the bot has just greeted), thanks,
/// goodbye (which closes the conversation and asks for the rating when there was something to rate), «кто ты?», «что ты
/// умеешь?», «у меня вопрос» (ask it), «ок», and rudeness (a calm reply; from the second time, a person is offered).
/// </summary>
internal sealed class SmallTalkFlow(DialogServices services)
{
    public void Reply(ConversationSession session, SmallTalkKind kind)
    {
        var phrases = services.Phrases.SmallTalk;
        var conversation = session.Conversation;
        services.Logger.SmallTalk(conversation.Id, kind.ToString());
        var hadHelp = conversation.ShownArticleIds.Count > 0 || conversation.Transfers > 0;
        switch (kind)
        {
            case SmallTalkKind.Greeting when session.HasSaid(MessageKind.Greeting):
                // The conversation has just started and the bot's own greeting said it all.
                break;
            case SmallTalkKind.Greeting:
                session.Say(MessageKind.Greeting, phrases.Greeting.Reply);
                break;
            case SmallTalkKind.Thanks:
                session.Say(MessageKind.SmallTalk, phrases.Thanks.Reply, hadHelp ? services.Phrases.Buttons.ResolvedOnly() : null);
                break;
            case SmallTalkKind.Goodbye:
                session.Say(MessageKind.SmallTalk, phrases.Goodbye.Reply);
                if (hadHelp)
                {
                    services.Closer.Close(session, CloseReason.Citizen, lead: string.Empty);
                }

                break;
            case SmallTalkKind.WhoAreYou:
                session.Say(MessageKind.SmallTalk, phrases.WhoAreYou.Reply);
                break;
            case SmallTalkKind.Abilities:
                session.Say(MessageKind.SmallTalk, phrases.Abilities.Reply);
                break;
            case SmallTalkKind.Preamble when session.HasSaid(MessageKind.Greeting):
                // The bot's own greeting has just asked for the question.
                break;
            case SmallTalkKind.Preamble:
                session.Say(MessageKind.SmallTalk, phrases.Preamble.Reply);
                break;
            case SmallTalkKind.Acknowledge:
                session.Say(MessageKind.SmallTalk, phrases.Acknowledge.Reply);
                break;
            case SmallTalkKind.Abuse:
                var count = conversation.AbuseCount + 1;
                session.Conversation = conversation with { AbuseCount = count };
                if (count >= 2)
                {
                    session.Say(MessageKind.SmallTalk, phrases.Abuse.RepeatedReply, [new QuickReply(services.Phrases.Buttons.Operator, ButtonPayloads.Operator)]);
                }
                else
                {
                    session.Say(MessageKind.SmallTalk, phrases.Abuse.Reply);
                }

                break;
        }
    }
}
