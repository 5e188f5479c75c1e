using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Index;

public sealed record VectorPayload(string ArticleId, string LifeSituation, IReadOnlyList<string> Segments, ArticleStatus Status);
