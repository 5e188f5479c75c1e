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
        if (intent.Score is not { } score)
        {
            context.Outcome = TurnOutcome.Ignored;
            return;
        }

        var session = context.Session;
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
