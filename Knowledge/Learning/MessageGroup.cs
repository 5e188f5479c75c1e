using Assistant.Knowledge.Retrieval;

namespace Assistant.Knowledge.Learning;

/// <summary>Messages that ask the same thing: their positions in the input, the most typical one, and the KB's best guesses for it.</summary>
public sealed record MessageGroup(IReadOnlyList<int> Members, int Representative, IReadOnlyList<Candidate> Suggestions);
