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
    private const float LexicalShare = 0.6f;

    public static List<List<int>> Group(IReadOnlyList<AnalyzedText> texts, IReadOnlyList<float[]> vectors, float threshold)
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
        for (var i = 0; i < texts.Count; i++)
        {
            var sparse = Weights(texts[i], documentFrequency, texts.Count);
            var dense = Normalized(vectors[i]);
            var best = -1;
            var bestSimilarity = threshold;
            foreach (var g in sparse.Keys.SelectMany(t => groupsOfTerm.GetValueOrDefault(t) ?? []).Distinct())
            {
                var similarity = groups[g].Similarity(sparse, dense);
                if (similarity >= bestSimilarity)
                {
                    (best, bestSimilarity) = (g, similarity);
                }
            }

            if (best < 0)
            {
                best = groups.Count;
                groups.Add(new Centroid(dense.Length));
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
            }
        }

        public float Similarity(Dictionary<string, float> sparse, float[] dense)
        {
            var dot = 0f;
            foreach (var (term, weight) in sparse)
            {
                if (_sparse.TryGetValue(term, out var own))
                {
                    dot += weight * own;
                }
            }

            var lexical = _sparseNorm == 0 ? 0 : dot / _sparseNorm;
            var denseNorm = TensorPrimitives.Norm(_dense);
            var vector = denseNorm == 0 || dense.Length != _dense.Length ? 0 : TensorPrimitives.Dot(dense, _dense) / denseNorm;
            return LexicalShare * lexical + (1 - LexicalShare) * vector;
        }
    }
}
