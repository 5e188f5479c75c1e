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

    /// <summary>How likely the first article is right, as the KB's calibration estimates it (0 when the KB was too small to calibrate).</summary>
    public float Confidence { get; init; }

    /// <summary>A second question of the same message the KB answers too (another article), to offer beside the answer.</summary>
    public Candidate? AlsoAsked { get; init; }

    /// <summary>The message was read together with the conversation's context (a follow-up), not on its own.</summary>
    public bool FollowsUp { get; init; }

    /// <summary>
    /// The message asks again what the context's article already answered, in other words and adding nothing: the answer did
    /// not help, and giving it twice would not either.
    /// </summary>
    public bool Repeats { get; init; }
}
