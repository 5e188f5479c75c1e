namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>One group of the moderators' inbox: questions that ask the same thing, with why they are here and the KB's guesses.</summary>
public sealed record InboxGroup(
    long Key,
    int Count,
    string Example,
    IReadOnlyList<InboxMessage> Messages,
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyList<SuggestedArticle> Suggestions);

/// <summary>A masked question of the inbox: never a contact, a name or any other personal data.</summary>
public sealed record InboxMessage(long Id, string Text, string Kind, string Channel, string? Segment, DateTimeOffset At);

public sealed record SuggestedArticle(string ArticleId, string Title);
