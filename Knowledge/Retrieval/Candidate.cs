namespace Assistant.Knowledge.Retrieval;

/// <summary>One ranked article with the parts of its score, so a moderator can see why it was chosen.</summary>
public sealed record Candidate(
    string ArticleId,
    string Title,
    string LifeSituation,
    float Score,
    float Lexical,
    float Vector,
    float AnswerText,
    float Classifier,
    string MatchedText);
