namespace Assistant.Channels.Vk.Api;

/// <summary>
/// The keyboard object of messages.send: rows of buttons. Inline keyboards (under the message) hold at most 6 rows and
/// 10 buttons; <see cref="OneTime"/> applies only to the keyboard under the input field.
/// </summary>
public sealed record VkKeyboard(bool Inline, IReadOnlyList<IReadOnlyList<VkButton>> Buttons)
{
    public bool? OneTime { get; init; }
}

/// <summary>One key of a <see cref="VkKeyboard"/>.</summary>
public sealed record VkButton(VkButtonAction Action);

/// <summary>
/// What a key does: "callback" (the press arrives as message_event) or "text" (the label is sent as a message).
/// <paramref name="Payload"/> is a JSON text of at most 255 characters; <paramref name="Label"/> at most 40.
/// </summary>
public sealed record VkButtonAction(string Type, string Label, string Payload);
