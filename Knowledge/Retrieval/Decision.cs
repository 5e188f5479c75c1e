namespace Assistant.Knowledge.Retrieval;

/// <summary>What the assistant does with a message: answer with one article, ask which of a few was meant, or hand over.</summary>
public enum Decision
{
    Answer,
    Clarify,
    Fallback,
}
