using System.ComponentModel.DataAnnotations;

namespace Assistant.Knowledge.Retrieval;

/// <summary>Fusion weights and decision thresholds (section "Retrieval"). Defaults are calibrated on evals/datasets/dev.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Weight of the best lexical match among the article's title and curated questions.</summary>
    [Range(0.0, 1.0)] public float QuestionWeight { get; set; } = 0.30f;

    /// <summary>Weight of the best vector similarity among the article's title and curated questions.</summary>
    [Range(0.0, 1.0)] public float VectorWeight { get; set; } = 0.10f;

    /// <summary>Weight of the lexical match with the answer text.</summary>
    [Range(0.0, 1.0)] public float AnswerWeight { get; set; } = 0.30f;

    /// <summary>Weight of the KB-trained classifier's probability (KBs up to <see cref="ClassifierMaxArticles"/> articles).</summary>
    [Range(0.0, 1.0)] public float ClassifierWeight { get; set; } = 0.30f;

    /// <summary>Above this many articles the classifier is not trained (its weights grow with articles × features).</summary>
    [Range(0, 100_000)] public int ClassifierMaxArticles { get; set; } = 2000;

    /// <summary>
    /// A match with a sentence of an article's answer counts as a match with one of its curated questions, at this fraction
    /// (0 turns answer sentences off).
    /// </summary>
    [Range(0.0, 1.0)] public float AnswerSentenceWeight { get; set; } = 0.9f;

    /// <summary>In a lexical match, how much the share of the message explained counts against the share of the question explained.</summary>
    [Range(0.0, 1.0)] public float QueryCoverageShare { get; set; } = 0.65f;

    /// <summary>
    /// Of the answers the bot gives on its own, at least this share must be right on the KB's calibration questions: the answer
    /// boundary is learnt from the KB at hand to meet it (see docs/retrieval.md, "Calibration").
    /// </summary>
    [Range(0.5, 0.999)] public float AnswerPrecision { get; set; } = 0.95f;

    /// <summary>
    /// At least this share of the out-of-domain calibration messages is handed over ("no answer") rather than answered or asked
    /// about: a message nearer to the KB than they are gets its likely articles offered.
    /// </summary>
    [Range(0.5, 1.0)] public float OutOfDomainFallback { get; set; } = 0.85f;

    /// <summary>At most this many curated phrasings are left out in turn to calibrate (an even sample on larger KBs).</summary>
    [Range(50, 100_000)] public int CalibrationQuestions { get; set; } = 600;

    /// <summary>A file of out-of-domain messages (one a line) to calibrate with instead of the built-in set.</summary>
    public string? OutOfDomainPath { get; set; }

    /// <summary>
    /// A follow-up is also searched with the previous question's terms added at this fraction of their weight: enough to resolve
    /// «а для ребёнка?», too little to outweigh what the new message itself says.
    /// </summary>
    [Range(0.0, 1.0)] public float ContextWeight { get; set; } = 0.6f;

    /// <summary>Only when the KB is too small to calibrate (under 30 phrasings or 4 articles): a top score at or above this, clear of the runner-up, is answered.</summary>
    [Range(0.0, 1.0)] public float AnswerThreshold { get; set; } = 0.44f;

    /// <summary>How far ahead of the runner-up the top article must be to answer without asking.</summary>
    [Range(0.0, 1.0)] public float AnswerMargin { get; set; } = 0.12f;

    /// <summary>Below this top score nothing is offered: fallback to a person.</summary>
    [Range(0.0, 1.0)] public float ClarifyThreshold { get; set; } = 0.36f;

    /// <summary>Articles within this distance of the top one are offered together when clarifying.</summary>
    [Range(0.0, 1.0)] public float ClarifyWindow { get; set; } = 0.15f;

    [Range(2, 3)] public int MaxClarifyOptions { get; set; } = 3;

    /// <summary>How many nearest vectors feed the fusion.</summary>
    [Range(1, 1000)] public int VectorCandidates { get; set; } = 50;

    /// <summary>How many ranked candidates a result carries.</summary>
    [Range(1, 50)] public int ReturnedCandidates { get; set; } = 5;

    /// <summary>A copy with every setting, to change one without touching the original.</summary>
    public RetrievalOptions Copy() => (RetrievalOptions)MemberwiseClone();
}
