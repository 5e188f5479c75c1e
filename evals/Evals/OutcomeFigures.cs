using System.Text.Json.Serialization;

namespace Assistant.Evals;

/// <summary>
/// What the citizen gets, over one group of questions (fractions in 0..1; in-scope figures over in-scope questions, out-of-scope ones
/// over out-of-scope questions). Field names are the report's public contract.
/// </summary>
public record OutcomeFigures
{
    [JsonPropertyName("questions")] public int Questions { get; init; }
    [JsonPropertyName("inScope")] public int InScope { get; init; }
    [JsonPropertyName("outOfScope")] public int OutOfScope { get; init; }

    /// <summary>Answered with the expected article.</summary>
    [JsonPropertyName("answeredRight")] public double AnsweredRight { get; init; }

    /// <summary>Answered with it, or a clarifying question whose choices hold it.</summary>
    [JsonPropertyName("offeredRight")] public double OfferedRight { get; init; }

    /// <summary>"No answer" (fallback) although the expected article ranked first.</summary>
    [JsonPropertyName("noAnswerFirstRight")] public double NoAnswerFirstRight { get; init; }

    /// <summary>In-scope questions answered with another article.</summary>
    [JsonPropertyName("answeredWrong")] public double AnsweredWrong { get; init; }

    /// <summary>Out-of-scope messages that got an answer.</summary>
    [JsonPropertyName("oosAnswered")] public double OosAnswered { get; init; }

    public static OutcomeFigures Compute(IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => o.Question.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Question.InScope).ToList();
        return new OutcomeFigures
        {
            Questions = outcomes.Count,
            InScope = inScope.Count,
            OutOfScope = outOfScope.Count,
            AnsweredRight = Share(inScope.Count(o => o.AnsweredRight), inScope.Count),
            OfferedRight = Share(inScope.Count(o => o.OfferedRight), inScope.Count),
            NoAnswerFirstRight = Share(inScope.Count(o => o.Decision == "fallback" && o.Rank == 1), inScope.Count),
            AnsweredWrong = Share(inScope.Count(o => o.AnsweredWrong), inScope.Count),
            OosAnswered = Share(outOfScope.Count(o => o.Decision == "answer"), outOfScope.Count),
        };
    }

    internal static double Share(int count, int of) => of == 0 ? 0 : (double)count / of;
}

/// <summary>Outcome figures of one message-length group, with the ranking figures beside them.</summary>
public sealed record LengthGroupFigures : OutcomeFigures
{
    public LengthGroupFigures(OutcomeFigures outcomes)
        : base(outcomes)
    {
    }

    [JsonPropertyName("top1")] public double Top1 { get; init; }
    [JsonPropertyName("recallAt3")] public double RecallAt3 { get; init; }
}
