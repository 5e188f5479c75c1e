using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;

namespace Assistant.Dialogs.Rating;

/// <summary>Takes the score after the prompt and then, optionally, one comment; a second score is never taken.</summary>
internal sealed class RatingFlow(DialogServices services)
{
    public async Task TakeScoreAsync(TurnContext context, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (intent.Score is not { } score)
        {
            // Nothing said back would look like a lost message: a number out of range hears the prompt again, «спасибо» or «ок»
            // their small-talk reply; the rating stays open either way.
            var smallTalk = services.Phrases.SmallTalk;
            var reply = context.Activity.Type != ActivityType.Message ? null
                : IntentRecognizer.IsNumberOnly(context.Activity.Text) ? services.Phrases.RatingPrompt
                : intent.SmallTalk switch
                {
                    SmallTalkKind.Thanks => smallTalk.Thanks.Reply,
                    SmallTalkKind.Acknowledge => smallTalk.Acknowledge.Reply,
                    SmallTalkKind.Goodbye => smallTalk.Goodbye.Reply,
                    _ => null,
                };
            if (reply is null)
            {
                context.Outcome = TurnOutcome.Ignored;
                return;
            }

            session.Say(MessageKind.RatingPrompt, reply, reply == services.Phrases.RatingPrompt ? Templates.ButtonTitles.Scores() : null, from: Authors.System);
            return;
        }

        var conversation = session.Conversation;
        await services.Stores.Ratings.SaveAsync(new ConversationRating
        {
            ConversationId = conversation.Id,
            Channel = conversation.Key.Channel,
            LifeSituation = conversation.LifeSituation,
            ArticleIds = conversation.ShownArticleIds,
            OperatorId = conversation.OperatorId,
            Score = score,
            RatedAt = services.Now,
        }, cancellationToken);
        services.Logger.RatingStored(conversation.Id, score);
        await services.Statistics.RatedAsync(conversation, score, cancellationToken);
        if (score <= 2)
        {
            await services.Unanswered.RecordAsync(conversation, Learning.UnansweredKind.LowRating, conversation.LastQuestion,
                conversation.ShownArticleIds, conversation.LastArticleId, cancellationToken);
        }

        session.Fire(ConversationTrigger.Rated);
        session.Say(MessageKind.RatingThanks, services.Phrases.RatingThanks, from: Authors.System);
    }

    /// <summary>Any written message is the comment ("всё понятно, спасибо" included); a second score or a button is not.</summary>
    public async Task TakeCommentAsync(TurnContext context, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var text = context.Activity.Text;
        if (context.Activity.Type != ActivityType.Message || intent.Score is not null || !InputText.HasWords(text))
        {
            context.Outcome = TurnOutcome.Ignored;
            return;
        }

        var session = context.Session;
        if (await services.Stores.Ratings.GetAsync(session.Conversation.Id, cancellationToken) is { } rating)
        {
            await services.Stores.Ratings.SaveAsync(rating with { Comment = text }, cancellationToken);
            services.Logger.CommentStored(session.Conversation.Id);
        }

        session.Fire(ConversationTrigger.Commented);
        session.Say(MessageKind.Notice, services.Phrases.CommentThanks, from: Authors.System);
    }
}
