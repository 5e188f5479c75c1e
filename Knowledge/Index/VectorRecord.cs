namespace Assistant.Knowledge.Index;

/// <summary>One indexed text (a curated question or a title) with the payload filters apply to.</summary>
public sealed record VectorRecord(string Id, ReadOnlyMemory<float> Vector, VectorPayload Payload);
