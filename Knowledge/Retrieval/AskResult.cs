namespace Assistant.Knowledge.Retrieval;

/// <summary>The decision, the ranked candidates (best first) behind it and a one-line reason.</summary>
public sealed record AskResult(
    Decision Decision,
    IReadOnlyList<Candidate> Candidates,
    string Reason,
    AskTimings Timings,
    string AnalyzedText,
    IReadOnlyList<string> Corrections)
{
    /// <summary>The article to answer with (Answer), or the ones to offer (Clarify); empty on Fallback.</summary>
    public IReadOnlyList<Candidate> Chosen { get; init; } = [];
}
