namespace Assistant.Bot.Host.WebChat;

/// <summary>
/// Stream positions that keep growing across a visitor's successive conversations (transcript positions restart at 1 in each):
/// the conversation's start second × 100,000 + the transcript position.
/// </summary>
public static class WebSequence
{
    private const long PerConversation = 100_000;

    public static long Of(DateTimeOffset conversationStart, long transcriptPosition) =>
        conversationStart.ToUnixTimeSeconds() * PerConversation + Math.Min(transcriptPosition, PerConversation - 1);

    /// <summary>The transcript position to replay after, for a conversation that started at <paramref name="conversationStart"/>.</summary>
    public static long TranscriptPositionAfter(long webSequence, DateTimeOffset conversationStart)
    {
        var start = conversationStart.ToUnixTimeSeconds();
        var seenStart = webSequence / PerConversation;
        return seenStart < start ? 0 : seenStart > start ? long.MaxValue : webSequence % PerConversation;
    }
}
