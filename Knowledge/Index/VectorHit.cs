namespace Assistant.Knowledge.Index;

public sealed record VectorHit(string Id, float Score, VectorPayload Payload);
