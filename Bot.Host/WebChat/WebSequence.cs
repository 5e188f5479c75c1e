namespace Assistant.Bot.Host.WebChat;

/// <summary>
/// Stream positions that keep growing across a visitor's successive conversations (transcript positions restart at 1 in each):
/// the conversation's ordinal × 1,000,000 + the transcript position. Safe as a JavaScript number.
/// </summary>
public static class WebSequence
{
    private const long PerConversation = 1_000_000;

    public static long Of(int conversationOrdinal, long transcriptPosition) =>
        conversationOrdinal * PerConversation + Math.Min(transcriptPosition, PerConversation - 1);

    /// <summary>The transcript position to replay after, for the conversation with <paramref name="conversationOrdinal"/>.</summary>
    public static long TranscriptPositionAfter(long webSequence, int conversationOrdinal)
    {
        var seenOrdinal = webSequence / PerConversation;
        return seenOrdinal < conversationOrdinal ? 0 : seenOrdinal > conversationOrdinal ? long.MaxValue : webSequence % PerConversation;
    }
}
