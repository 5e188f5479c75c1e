using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Answering;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;

namespace Assistant.Dialogs.Engine;

/// <summary>The last step of a turn: starts or resumes the conversation and hands the activity to the flow of its state.</summary>
internal sealed class DialogRouter(
    DialogServices services,
    BotAnsweringFlow answering,
    WrittenRequestFlow requests,
    HandoffFlow handoff,
    RatingFlow rating)
{
    public async Task HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var activity = context.Activity;
        var intent = services.Intents.Recognize(activity);

        if (!ContinueOrStartNext(context, intent))
        {
            context.Outcome = TurnOutcome.Ignored;
            return;
        }

        // Someone may be in danger now: the numbers that help come first, before a greeting and whatever the turn does next (a
        // search, a handover, a written request, «too long»). With an operator in the conversation, the operator answers.
        if (activity.Type == ActivityType.Message && session.Conversation.State != ConversationState.WithOperator
            && services.Intents.UrgencyOf(activity.Text) is { } urgency)
        {
            session.SayAside(MessageKind.Notice, urgency == Urgency.Crisis ? services.Phrases.Crisis : services.Phrases.Emergency);
            context.UrgentNoticeSaid = true;
            services.Logger.UrgentNoticeSaid(session.Conversation.Id, urgency.ToString());
        }

        if (session.Conversation.State == ConversationState.New)
        {
            if (activity.Type == ActivityType.Rating)
            {
                context.Outcome = TurnOutcome.Ignored;
                return;
            }

            if (!session.IsSuccessor)
            {
                session.Say(MessageKind.Greeting, services.Phrases.Greeting + "\n" + services.Phrases.PersonalDataNotice);
            }

            session.Fire(ConversationTrigger.Started);
        }

        if (activity.Type == ActivityType.ConversationUpdate)
        {
            return;
        }

        if (context.IsOversized)
        {
            session.Say(MessageKind.Notice, Templates.BotPhrases.Fill(services.Phrases.TooLong,
                ("limit", services.Options.MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            return;
        }

        switch (session.Conversation.State)
        {
            case ConversationState.BotAnswering:
                await answering.HandleAsync(context, intent, cancellationToken);
                break;
            case ConversationState.CollectingRequestText:
                requests.TakeText(context, intent);
                break;
            case ConversationState.CollectingRequestContact:
                await requests.TakeContactAsync(context, intent, cancellationToken);
                break;
            case ConversationState.WaitingForOperator or ConversationState.WithOperator:
                handoff.HandleCitizen(context, intent);
                break;
            case ConversationState.AwaitingRating:
                await rating.TakeScoreAsync(context, intent, cancellationToken);
                break;
            case ConversationState.AwaitingComment:
                await rating.TakeCommentAsync(context, intent, cancellationToken);
                break;
            default:
                context.Outcome = TurnOutcome.Ignored;
                break;
        }
    }

    /// <summary>
    /// A finished conversation (done, or its rating window over) and a rating prompt answered with a new question both lead to a
    /// new conversation when the person starts one; a late score, a stale button or "вопрос решён" again lead nowhere.
    /// False when the activity is to be ignored.
    /// </summary>
    private bool ContinueOrStartNext(TurnContext context, RecognizedIntent intent)
    {
        var session = context.Session;
        var conversation = session.Conversation;
        var windowOver = ConversationStateMachine.Rating.Contains(conversation.State)
            && services.Now - conversation.RatingAskedAt > services.Options.Rating.Window;
        var finished = conversation.State == ConversationState.Done || windowOver;
        var declinesRating = conversation.State == ConversationState.AwaitingRating && intent.Score is null;
        if (!finished && !declinesRating)
        {
            return true;
        }

        var startsNew = StartsConversation(context.Activity, intent);
        if (windowOver)
        {
            session.Fire(ConversationTrigger.Expired);
            if (intent.Score is not null)
            {
                services.Logger.LateRatingIgnored(conversation.Id);
            }
        }
        else if (declinesRating && startsNew)
        {
            session.Fire(ConversationTrigger.RatingDeclined);
        }

        if (!startsNew)
        {
            return !finished;
        }

        session.StartNext(Conversation.Start(conversation.Key, services.Now, context.Activity.Segment ?? conversation.Segment) with
        {
            Ordinal = conversation.Ordinal + 1,
        });
        return true;
    }

    private static bool StartsConversation(Activity activity, RecognizedIntent intent) =>
        intent.Kind is CitizenIntent.Operator or CitizenIntent.WriteRequest or CitizenIntent.ChooseArticle
        || intent is { Kind: CitizenIntent.SmallTalk, SmallTalk: SmallTalkKind.Greeting }
        || (activity.Type == ActivityType.Message && intent.Kind == CitizenIntent.None && intent.Score is null && InputText.HasWords(activity.Text));
}
