using Assistant.Channels.Vk.Api;
using Assistant.Channels.Vk.Receiving;
using Assistant.Dialogs.Activities;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// The engine's quick replies as a VK keyboard: callback buttons under the message when the person's app has them, text
/// buttons otherwise. Short titles share a row (the 1–5 rating, "Помогло / Не помогло / Оператор"); long ones (clarify
/// choices) get a row each. Within VK's inline limits: 10 buttons, 6 rows, 5 per row, 40-character labels, 255-character payloads.
/// </summary>
public static class VkKeyboardBuilder
{
    private const int MaxButtons = 10;
    private const int MaxRows = 6;
    private const int MaxPerRow = 5;
    private const int MaxLabel = 40;
    private const int MaxPayload = 255;

    /// <summary>The label characters a row holds before the labels get cut on a phone screen.</summary>
    private const int RowWidth = 30;

    public static VkKeyboard? Build(IReadOnlyList<QuickReply> replies, VkButtonSupport support)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var type = support == VkButtonSupport.Callback ? "callback" : "text";
        var rows = new List<List<VkButton>>();
        foreach (var reply in replies.Take(MaxButtons))
        {
            var payload = VkButtonPayload.Encode(reply.Payload);
            if (payload.Length > MaxPayload || string.IsNullOrWhiteSpace(reply.Title))
            {
                continue;
            }

            var button = new VkButton(new VkButtonAction(type, Label(reply.Title), payload));
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is null || row.Count == MaxPerRow || row.Sum(b => b.Action.Label.Length) + button.Action.Label.Length > RowWidth)
            {
                if (rows.Count == MaxRows)
                {
                    break;
                }

                rows.Add(row = []);
            }

            row.Add(button);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        IReadOnlyList<IReadOnlyList<VkButton>> buttons = [.. rows];
        return support == VkButtonSupport.NoInline ? new VkKeyboard(false, buttons) { OneTime = true } : new VkKeyboard(true, buttons);
    }

    private static string Label(string title)
    {
        var label = title.Trim();
        return label.Length <= MaxLabel ? label : label[..(MaxLabel - 1)].TrimEnd() + "…";
    }
}
