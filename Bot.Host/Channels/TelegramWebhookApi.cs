using Assistant.Channels.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Channels;

/// <summary>POST /channels/telegram/webhook: Telegram's update delivery, checked by its secret, queued and answered at once.</summary>
public static class TelegramWebhookApi
{
    /// <summary>Maps the webhook when the channel is on in webhook mode; otherwise does nothing (the route does not exist).</summary>
    public static IEndpointRouteBuilder MapTelegramChannel(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.IsEnabled || options.Mode != TelegramMode.Webhook)
        {
            return app;
        }

        app.MapPost(TelegramChannel.WebhookPath, ReceiveAsync)
           .WithTags("Telegram")
           .WithSummary("Telegram's update delivery; X-Telegram-Bot-Api-Secret-Token must match Telegram:WebhookSecret.")
           .Produces(StatusCodes.Status401Unauthorized)
           .Produces(StatusCodes.Status403Forbidden)
           .Produces(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok, BadRequest, StatusCodeHttpResult>> ReceiveAsync(HttpContext context, TelegramWebhookReceiver receiver) =>
        await receiver.ReceiveAsync(context.Request.Headers[TelegramChannel.SecretHeader], context.Request.Body, context.RequestAborted) switch
        {
            TelegramWebhookOutcome.Accepted => TypedResults.Ok(),
            TelegramWebhookOutcome.MissingSecret => TypedResults.StatusCode(StatusCodes.Status401Unauthorized),
            TelegramWebhookOutcome.WrongSecret => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            TelegramWebhookOutcome.NotAnUpdate => TypedResults.BadRequest(),
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
}
