namespace Assistant.Dialogs.Engine;

/// <summary>Cuts an overlong message to the limit (after masking, so no half of a number escapes) and flags it for a polite reply.</summary>
internal sealed class MessageSizeMiddleware(DialogServices services) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var limit = services.Options.MaxMessageLength;
        if (context.Activity.Text is { } text && text.Length > limit)
        {
            services.Logger.Oversized(context.Activity.Channel, text.Length, limit);
            context.IsOversized = true;
            context.Activity = context.Activity with { Text = Cut(text, limit) + "…" };
            context.UnmaskedText = Cut(context.UnmaskedText, limit);
        }

        return next();
    }

    private static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        // Do not leave half of a surrogate pair at the cut.
        var length = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..length];
    }
}
