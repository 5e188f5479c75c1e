using System.Text;
using System.Text.Json;
using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Receiving;

namespace Assistant.Bot.Host.Channels;

/// <summary>POST /channels/vk/callback, the address given to VK in the community's Callback API settings.</summary>
public static class VkCallbackApi
{
    /// <summary>Maps the endpoint when the channel is on in callback mode; otherwise nothing (the address answers 404).</summary>
    public static IEndpointRouteBuilder MapVkChannel(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(VkCallbackHandler)) != true)
        {
            return app;
        }

        app.MapPost(VkChannel.CallbackRoute, CallbackAsync)
           .WithTags("Channels")
           .WithSummary("VK Callback API events: confirmation, then message_new and message_event; answered \"ok\" at once and processed in the background.");
        return app;
    }

    public static async Task<IResult> CallbackAsync(HttpRequest request, VkCallbackHandler handler, CancellationToken cancellationToken)
    {
        VkUpdate? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<VkUpdate>(request.Body, VkJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        if (update?.Type is null)
        {
            return TypedResults.BadRequest();
        }

        var reply = await handler.HandleAsync(update, request.Headers["X-Retry-Counter"].FirstOrDefault());
        return TypedResults.Text(reply.Body, "text/plain", Encoding.UTF8, reply.StatusCode);
    }
}
