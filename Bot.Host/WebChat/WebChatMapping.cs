using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores;

namespace Assistant.Bot.Host.WebChat;

/// <summary>Engine messages and transcript entries in the widget's shape (kinds in camelCase, the citizen as "user").</summary>
public static class WebChatMapping
{
    public static WebChatMessage ToWeb(OutgoingMessage message, long sequence) => new(
        sequence,
        message.From,
        JsonNamingPolicy.CamelCase.ConvertName(message.Kind.ToString()),
        message.Text,
        message.Buttons.Select(b => new WebChatButton(b.Title, b.Payload)).ToList(),
        message.SourceUrl,
        message.Timestamp);

    public static WebChatMessage ToWeb(TranscriptEntry entry, long sequence) => new(
        sequence,
        entry.From == Authors.Citizen ? "user" : entry.From,
        entry.Kind is { } kind ? JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()) : "user",
        entry.Text,
        entry.Buttons.Select(b => new WebChatButton(b.Title, b.Payload)).ToList(),
        entry.SourceUrl,
        entry.Timestamp);
}
