using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Privacy;

/// <summary>Cleans the incoming text and masks personal data in it before any later step can store or log it.</summary>
internal sealed class MaskingMiddleware(PersonalDataMasker masker) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (context.Activity.Text is { } text)
        {
            var cleaned = InputText.Clean(text);
            var masked = masker.Mask(cleaned);
            context.UnmaskedText = cleaned;
            context.MaskedKinds = masked.Found;
            context.Activity = context.Activity with { Text = masked.Text };
        }

        return next();
    }
}
