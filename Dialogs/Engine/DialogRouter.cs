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
        if (session.Conversation.State == ConversationState.AwaitingRating && activity.Type == ActivityType.Message && intent.Score is null
            && services.Intents.ScoreInWords(activity.Text) is { } score)
        {
            // «отлично», «пять», «5 звёзд» after the rating prompt.
            intent = new RecognizedIntent(CitizenIntent.None, Score: score);
        }

        if (!await ContinueOrStartNextAsync(context, intent, cancellationToken))
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
            case ConversationState.CollectingRequestText or ConversationState.CollectingRequestContact
                when intent.Kind == CitizenIntent.Operator && (activity.Type == ActivityType.Button || services.Intents.OnlyAsksForPerson(activity.Text)):
                // «Оператор» instead of the request's text or contact: the citizen would rather talk to a person now.
                requests.Abandon(session);
                await handoff.StartAsync(session, HandoffReason.Requested, null, cancellationToken);
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
    private async Task<bool> ContinueOrStartNextAsync(TurnContext context, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var conversation = session.Conversation;
        var windowOver = ConversationStateMachine.Rating.Contains(conversation.State)
            && services.Now - conversation.RatingAskedAt > services.Options.Rating.Window;
        var finished = conversation.State == ConversationState.Done || windowOver;
        // A number out of range («0», «10») is a try at the score, not a question: the prompt is said again.
        var declinesRating = conversation.State == ConversationState.AwaitingRating && intent.Score is null
            && !IntentRecognizer.IsNumberOnly(context.Activity.Text);
        var declinesComment = !finished && conversation.State == ConversationState.AwaitingComment
            && await AsksInsteadOfCommentingAsync(context.Activity, intent, conversation.Segment, cancellationToken);
        if (!finished && !declinesRating && !declinesComment)
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
        else if ((declinesRating || declinesComment) && startsNew)
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

    /// <summary>
    /// After the score, the next written message is the comment, unless it asks for something: only a person («оператор»), a
    /// written request, or a question that the KB answers or asks about, with a «?» or opening with a question word («а как
    /// записаться к врачу через госуслуги», «где взять справку для бассейна»). People ask their next question right after
    /// rating; taken as a comment, it would go unanswered. A comment names its topic too («про полис ничего толком не
    /// ответили»), so without either it stays the comment.
    /// </summary>
    private async Task<bool> AsksInsteadOfCommentingAsync(Activity activity, RecognizedIntent intent, string? segment, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityType.Message)
        {
            return false;
        }

        if (intent.Kind == CitizenIntent.WriteRequest || (intent.Kind == CitizenIntent.Operator && services.Intents.OnlyAsksForPerson(activity.Text)))
        {
            return true;
        }

        var asks = activity.Text?.TrimEnd().EndsWith('?') == true;
        if (intent.Kind != CitizenIntent.None || intent.Score is not null || (!asks && !services.Intents.HasQuestionWord(activity.Text)))
        {
            return false;
        }

        var result = await services.Knowledge.AskAsync(new Knowledge.Retrieval.AskRequest(PersonalDataMasker.WithoutTokens(activity.Text ?? string.Empty), segment), cancellationToken);
        // Without a «?», only a confident answer: a complaint opens with the same words («как всегда долго ждать ответа
        // специалиста») and gets a list, unsure of every article; it stays the comment.
        return result.Decision == Knowledge.Retrieval.Decision.Answer || (asks && result.Decision == Knowledge.Retrieval.Decision.Clarify);
    }

    private static bool StartsConversation(Activity activity, RecognizedIntent intent) =>
        intent.Kind is CitizenIntent.Operator or CitizenIntent.WriteRequest or CitizenIntent.ChooseArticle
        || intent is { Kind: CitizenIntent.SmallTalk, SmallTalk: SmallTalkKind.Greeting or SmallTalkKind.Preamble }
        || (activity.Type == ActivityType.Message && intent.Kind == CitizenIntent.None && intent.Score is null && InputText.HasWords(activity.Text));
}
