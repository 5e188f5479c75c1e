using System.Globalization;

namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// The ranking and the answer/clarify/fallback boundaries for one KB, learnt from that KB: <see cref="Ranking"/> re-ranks the first
/// candidates, <see cref="Answer"/> estimates how likely the first
/// article is right, <see cref="Offer"/> how likely the right one is among the first three; each has the threshold that meets the
/// administrator's targets on the KB's own calibration questions.
/// </summary>
internal sealed record DecisionCalibration(
    CandidateScorer Ranking,
    LogisticModel Answer,
    float AnswerThreshold,
    LogisticModel Offer,
    float OfferThreshold,
    int Phrasings,
    int OutOfDomain,
    TimeSpan Took)
{
    /// <summary>How the reason line names this calibration.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"calibrated on this KB: {Phrasings} phrasings left out in turn, {OutOfDomain} out-of-domain messages");

    public CalibrationSummary Summary() => new(Phrasings, OutOfDomain, AnswerThreshold, OfferThreshold, Took);
}

/// <summary>What the last calibration learnt from, the boundaries it chose and how long it took (for logs and benchmarks).</summary>
public sealed record CalibrationSummary(int Phrasings, int OutOfDomain, float AnswerThreshold, float OfferThreshold, TimeSpan Took);
