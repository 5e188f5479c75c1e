namespace Assistant.Dialogs.Intents;

/// <summary>The intent of one activity; <paramref name="Score"/> is also set for a message that is just a digit 1–5.</summary>
public sealed record RecognizedIntent(CitizenIntent Kind, string? ArticleId = null, int? Score = null, SmallTalkKind? SmallTalk = null)
{
    public static readonly RecognizedIntent None = new(CitizenIntent.None);
}
