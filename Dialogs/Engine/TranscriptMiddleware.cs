using System.Globalization;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>Keeps what the citizen wrote or pressed (masked) in the transcript, in the order turns run.</summary>
internal sealed class TranscriptMiddleware(DialogServices services) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (Text(context.Activity) is { Length: > 0 } text)
        {
            context.Session.Record(text);
        }

        if (context.MaskedKinds.Count > 0)
        {
            services.Logger.PersonalDataMasked(context.Conversation.Id, string.Join(",", context.MaskedKinds));
        }

        return next();
    }

    private string? Text(Activity activity) => activity.Type switch
    {
        ActivityType.Message => activity.Text,
        ActivityType.Button => string.IsNullOrEmpty(activity.Text) ? ButtonTitle(activity.Payload) : activity.Text,
        ActivityType.Rating => activity.Rating?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private string? ButtonTitle(string? payload) =>
        services.Phrases.Buttons.TitleOf(payload)
        ?? (ButtonPayloads.ArticleId(payload) is { } id ? services.Knowledge.FindArticle(id)?.Title : null)
        ?? ButtonPayloads.Score(payload)?.ToString(CultureInfo.InvariantCulture);
}
