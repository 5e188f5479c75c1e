namespace Assistant.Bot.Host.WebChat;

/// <summary>The visitor id the widget generates (a UUID): anything else is refused before it reaches the engine or a log.</summary>
public static class WebChatUserId
{
    public static bool IsValid(string? userId) =>
        userId is { Length: >= 8 and <= 64 } && userId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
