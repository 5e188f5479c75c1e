using System.Text.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores;

namespace Assistant.Bot.Host.WebChat;

/// <summary>Engine messages and transcript entries in the widget's shape (kinds in camelCase, the citizen as "user").</summary>
public static class WebChatMapping
{
    public static WebChatMessage ToWeb(OutgoingMessage message, long sequence)
    {
        var text = WebChatText.FromMarkdown(message.Text);
        return new(
            sequence,
            message.From,
            JsonNamingPolicy.CamelCase.ConvertName(message.Kind.ToString()),
            text,
            message.Buttons.Select(b => new WebChatButton(b.Title, b.Payload)).ToList(),
            WebChatText.SourceUnlessShown(text, message.SourceUrl),
            message.Timestamp);
    }

    public static WebChatMessage ToWeb(TranscriptEntry entry, long sequence)
    {
        // What the citizen wrote is shown exactly as written; only the service's messages carry markdown.
        var text = entry.From == Authors.Citizen ? entry.Text : WebChatText.FromMarkdown(entry.Text);
        return new(
            sequence,
            entry.From == Authors.Citizen ? "user" : entry.From,
            entry.Kind is { } kind ? JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()) : "user",
            text,
            entry.Buttons.Select(b => new WebChatButton(b.Title, b.Payload)).ToList(),
            WebChatText.SourceUnlessShown(text, entry.SourceUrl),
            entry.Timestamp);
    }
}
