using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// The Callback API's rules: "confirmation" gets the configured string; any other event must carry the community's id and
/// the secret (else 403, nothing processed); accepted events are kept, queued and answered "ok" at once, redeliveries
/// (same event_id, usually with X-Retry-Counter) are answered "ok" and dropped.
/// </summary>
public sealed class VkCallbackHandler(IOptions<VkOptions> options, VkIntake intake, ILogger<VkCallbackHandler> logger)
{
    public async Task<VkCallbackReply> HandleAsync(VkUpdate update, string? retryCounter)
    {
        ArgumentNullException.ThrowIfNull(update);
        var settings = options.Value;
        if (update.GroupId != settings.GroupId)
        {
            logger.CallbackRefused("another community's event", update.Type);
            return VkCallbackReply.Forbidden;
        }

        // The confirmation string only proves the address to VK; it is no secret, so the request needs only the community id.
        if (update.Type == VkUpdateReader.Confirmation)
        {
            logger.CallbackConfirmed();
            return VkCallbackReply.Confirm(settings.Confirmation ?? "");
        }

        if (!SecretMatches(update.Secret, settings.Secret))
        {
            logger.CallbackRefused("wrong secret", update.Type);
            return VkCallbackReply.Forbidden;
        }

        if (!string.IsNullOrEmpty(retryCounter))
        {
            logger.Redelivery(update.EventId, retryCounter);
        }

        if (VkUpdateReader.Read(update) is not { } incoming)
        {
            logger.UpdateIgnored(update.Type, update.EventId);
            return VkCallbackReply.Ok;
        }

        switch (await intake.AcceptAsync(update, incoming))
        {
            case VkInboxResult.Duplicate:
                logger.DuplicateDropped(incoming.DeliveryId);
                return VkCallbackReply.Ok;
            case VkInboxResult.Closed:
                logger.InboxClosed(incoming.DeliveryId);
                return VkCallbackReply.Unavailable;
            default:
                return VkCallbackReply.Ok;
        }
    }

    private static bool SecretMatches(string? given, string? expected) =>
        !string.IsNullOrEmpty(expected) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
