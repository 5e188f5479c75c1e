using System.Globalization;

namespace Assistant.Dialogs.Activities;

/// <summary>The payloads the engine puts on its quick replies and understands when they come back.</summary>
public static class ButtonPayloads
{
    public const string Helped = "helped";
    public const string NotHelped = "not-helped";
    public const string Operator = "operator";
    public const string WriteRequest = "write-request";
    public const string Resolved = "resolved";
    public const string Cancel = "cancel";

    private const string ArticlePrefix = "article:";
    private const string RatePrefix = "rate:";

    public static string Article(string articleId) => ArticlePrefix + articleId;

    public static string Rate(int score) => RatePrefix + score.ToString(CultureInfo.InvariantCulture);

    public static string? ArticleId(string? payload) =>
        payload is not null && payload.StartsWith(ArticlePrefix, StringComparison.Ordinal) && payload.Length > ArticlePrefix.Length
            ? payload[ArticlePrefix.Length..]
            : null;

    public static int? Score(string? payload) =>
        payload is not null && payload.StartsWith(RatePrefix, StringComparison.Ordinal)
            && int.TryParse(payload.AsSpan(RatePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var score)
            ? score
            : null;
}
