using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Index;

/// <summary>Payload conditions, all of which must hold; a null field does not filter.</summary>
public sealed record VectorFilter(string? LifeSituation = null, string? Segment = null, ArticleStatus? Status = null)
{
    public bool Matches(VectorPayload payload) =>
        (LifeSituation is null || payload.LifeSituation == LifeSituation)
        && (Segment is null || payload.Segments.Contains(Segment))
        && (Status is null || payload.Status == Status);
}
