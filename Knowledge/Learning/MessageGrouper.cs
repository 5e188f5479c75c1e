using System.Numerics.Tensors;
using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Learning;

/// <summary>
/// Groups short messages by what they ask, with the search's own analysis (stems, synonyms, typo fixes: weighted terms, idf
/// over the messages) and the search's embedder. One pass: each message joins the most similar group when the similarity
/// reaches the threshold, else starts its own; only groups sharing a term with the message are compared, so ten thousand
/// messages group in seconds.
/// </summary>
internal static class MessageGrouper
{
    /// <summary>Lexical and vector similarity mixed 0.6 / 0.4, as the ranker trusts terms more than hashed vectors.</summary>
    public const float LexicalShare = 0.6f;

    /// <summary>A cosine of unit vectors, with room for rounding: what no vector similarity can exceed.</summary>
    private const float MaxVectorSimilarity = 1.001f;

    /// <param name="prune">False compares every candidate group in full (the same groups, slower; for tests).</param>
    public static List<List<int>> Group(IReadOnlyList<AnalyzedText> texts, IReadOnlyList<float[]> vectors, float threshold, bool prune = true)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var term in text.Terms.Select(t => t.Term).Distinct())
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var groups = new List<Centroid>();
        var groupsOfTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var candidates = new List<(int Group, float Lexical, int Order)>();
        var lastSeen = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            var sparse = Weights(texts[i], documentFrequency, texts.Count);
            var dense = Normalized(vectors[i]);

            // The groups sharing a term, in the order they are met, with their cheap lexical similarity first.
            candidates.Clear();
            foreach (var term in sparse.Keys)
            {
                foreach (var g in groupsOfTerm.GetValueOrDefault(term) ?? [])
                {
                    if (lastSeen[g] != i)
                    {
                        lastSeen[g] = i;
                        candidates.Add((g, groups[g].Lexical(sparse), candidates.Count));
                    }
                }
            }

            // The most similar group wins (on a tie, the one met last). Most lexically similar first: once even a perfect vector
            // similarity could not lift a group to the best found, none after it can win, and their vectors are not compared.
            candidates.Sort((a, b) => b.Lexical.CompareTo(a.Lexical));
            var best = -1;
            var bestOrder = -1;
            var bestSimilarity = threshold;
            foreach (var (g, lexical, order) in candidates)
            {
                if (prune && LexicalShare * lexical + (1 - LexicalShare) * MaxVectorSimilarity < bestSimilarity)
                {
                    break;
                }

                var similarity = groups[g].Similarity(lexical, dense);
                if (similarity > bestSimilarity || (similarity == bestSimilarity && order > bestOrder))
                {
                    (best, bestOrder, bestSimilarity) = (g, order, similarity);
                }
            }

            if (best < 0)
            {
                best = groups.Count;
                groups.Add(new Centroid(dense.Length));
                lastSeen.Add(-1);
            }

            groups[best].Add(i, sparse, dense);
            foreach (var term in sparse.Keys)
            {
                if (!groupsOfTerm.TryGetValue(term, out var list))
                {
                    groupsOfTerm[term] = list = [];
                }

                if (list.Count == 0 || list[^1] != best)
                {
                    list.Add(best);
                }
            }
        }

        return [.. groups.Select(g => g.Members)];
    }

    /// <summary>The member closest to the group's centre: the phrasing to show first and to ask the KB about.</summary>
    public static int Representative(IReadOnlyList<int> members, IReadOnlyList<AnalyzedText> texts, IReadOnlyList<float[]> vectors)
    {
        if (members.Count <= 2)
        {
            return members[0];
        }

        var centre = new float[vectors[members[0]].Length];
        foreach (var m in members)
        {
            TensorPrimitives.Add(centre, Normalized(vectors[m]), centre);
        }

        return members.MaxBy(m => TensorPrimitives.Dot(Normalized(vectors[m]), centre) + 0.1f * texts[m].Terms.Count)!;
    }

    private static Dictionary<string, float> Weights(AnalyzedText text, Dictionary<string, int> documentFrequency, int documents)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in text.Terms)
        {
            var idf = MathF.Log(1f + documents / (float)documentFrequency[term.Term]);
            weights[term.Term] = weights.GetValueOrDefault(term.Term) + term.Weight * idf;
        }

        var norm = MathF.Sqrt(weights.Values.Sum(w => w * w));
        foreach (var key in weights.Keys.ToList())
        {
            weights[key] /= norm;
        }

        return weights;
    }

    private static float[] Normalized(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0)
        {
            return vector;
        }

        var copy = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, copy);
        return copy;
    }

    /// <summary>A group's sum of member vectors; similarity is to the sum's direction, so a group does not drift far from its members.</summary>
    private sealed class Centroid(int dimensions)
    {
        private readonly Dictionary<string, float> _sparse = new(StringComparer.Ordinal);
        private readonly float[] _dense = new float[dimensions];
        private float _sparseNorm;
        private float _denseNorm;

        public List<int> Members { get; } = [];

        public void Add(int member, Dictionary<string, float> sparse, float[] dense)
        {
            Members.Add(member);
            foreach (var (term, weight) in sparse)
            {
                _sparse[term] = _sparse.GetValueOrDefault(term) + weight;
            }

            _sparseNorm = MathF.Sqrt(_sparse.Values.Sum(w => w * w));
            if (dense.Length == _dense.Length)
            {
                TensorPrimitives.Add(_dense, dense, _dense);
                _denseNorm = TensorPrimitives.Norm(_dense);
            }
        }

        /// <summary>The share of the message's (unit) term weights along the group's summed terms.</summary>
        public float Lexical(Dictionary<string, float> sparse)
        {
            var dot = 0f;
            foreach (var (term, weight) in sparse)
            {
                if (_sparse.TryGetValue(term, out var own))
                {
                    dot += weight * own;
                }
            }

            return _sparseNorm == 0 ? 0 : dot / _sparseNorm;
        }

        public float Similarity(float lexical, float[] dense)
        {
            var vector = _denseNorm == 0 || dense.Length != _dense.Length ? 0 : TensorPrimitives.Dot(dense, _dense) / _denseNorm;
            return LexicalShare * lexical + (1 - LexicalShare) * vector;
        }
    }
}
