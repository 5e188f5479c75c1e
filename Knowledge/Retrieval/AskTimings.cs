namespace Assistant.Knowledge.Retrieval;

public sealed record AskTimings(double AnalysisMs, double VectorMs, double LexicalMs, double TotalMs);
