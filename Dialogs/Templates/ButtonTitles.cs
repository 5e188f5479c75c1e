using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Templates;

/// <summary>Titles of the engine's quick replies.</summary>
public sealed record ButtonTitles
{
    public required string Helped { get; init; }
    public required string NotHelped { get; init; }
    public required string Operator { get; init; }

    /// <summary>The last choice under "did you mean": none of these, hand over to a person.</summary>
    public required string Other { get; init; }
    public required string WriteRequest { get; init; }
    public required string Resolved { get; init; }
    public required string Cancel { get; init; }

    /// <summary>Under an answer: did it help, or a person.</summary>
    public IReadOnlyList<QuickReply> AfterAnswer() =>
        [new(Helped, ButtonPayloads.Helped), new(NotHelped, ButtonPayloads.NotHelped), new(Operator, ButtonPayloads.Operator)];

    /// <summary>Under a fallback: a person or a written request.</summary>
    public IReadOnlyList<QuickReply> AfterFallback() => [new(Operator, ButtonPayloads.Operator), new(WriteRequest, ButtonPayloads.WriteRequest)];

    public IReadOnlyList<QuickReply> ResolvedOnly() => [new(Resolved, ButtonPayloads.Resolved)];

    public IReadOnlyList<QuickReply> CancelOnly() => [new(Cancel, ButtonPayloads.Cancel)];

    /// <summary>The 1–5 rating as buttons.</summary>
    public static IReadOnlyList<QuickReply> Scores() =>
        [.. Enumerable.Range(1, 5).Select(score => new QuickReply(score.ToString(System.Globalization.CultureInfo.InvariantCulture), ButtonPayloads.Rate(score)))];

    /// <summary>The title of a fixed payload, for the transcript when a channel sends only the payload.</summary>
    public string? TitleOf(string? payload) => payload switch
    {
        ButtonPayloads.Helped => Helped,
        ButtonPayloads.NotHelped => NotHelped,
        ButtonPayloads.Operator => Operator,
        ButtonPayloads.WriteRequest => WriteRequest,
        ButtonPayloads.Resolved => Resolved,
        ButtonPayloads.Cancel => Cancel,
        _ => null,
    };
}
