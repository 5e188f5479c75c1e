using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Learning;

/// <summary>
/// Keeps what the bot did not answer well for the moderators' inbox: the citizen's question (masked again, in case), the
/// articles involved, channel, segment and time. A failure to keep it never fails the citizen's turn.
/// </summary>
internal sealed class UnansweredCapture(DialogServices services)
{
    public async Task RecordAsync(Conversation conversation, UnansweredKind kind, string? question, IReadOnlyList<string> candidates,
        string? articleId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return;
        }

        try
        {
            await services.Stores.Unanswered.AddAsync(new UnansweredMessage
            {
                ConversationId = conversation.Id,
                Channel = conversation.Key.Channel,
                Segment = conversation.Segment,
                At = services.Now,
                Kind = kind,
                Text = services.Masker.Mask(question.Trim()).Text,
                CandidateArticleIds = [.. candidates.Distinct().Take(5)],
                ArticleId = articleId,
            }, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.Logger.UnansweredNotKept(e, conversation.Id, kind.ToString());
        }
    }

    /// <summary>«Не помогло» right after an article the citizen chose from a clarify list: that choice suggests nothing after all.</summary>
    public async Task WithdrawChoiceAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.LastArticleId is not { } article)
        {
            return;
        }

        var open = await services.Stores.Unanswered.ListAsync(UnansweredStatus.Open, 500, cancellationToken);
        var choices = open.Where(m => m.Kind == UnansweredKind.CitizenChoice && m.ConversationId == conversation.Id && m.ArticleId == article).Select(m => m.Id).ToList();
        await services.Stores.Unanswered.ResolveAsync(choices, UnansweredStatus.Dismissed, null, cancellationToken);
    }
}
