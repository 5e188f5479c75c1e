using System.Numerics.Tensors;
using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// A softmax (multinomial logistic regression) classifier from a message's analysed features to the article, trained on the KB's own
/// curated questions. Unlike matching one question at a time, it learns which words tell neighbouring articles apart
/// ("ребёнок" → care for a sick child rather than sick leave in general). Small KBs only: its weights grow with articles × features.
/// </summary>
internal sealed class ArticleClassifier
{
    private readonly Dictionary<string, int> _features;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private ArticleClassifier(IReadOnlyList<string> classes, Dictionary<string, int> features, float[] weights, float[] bias)
    {
        Classes = classes;
        _features = features;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes { get; }

    public static ArticleClassifier Train(IReadOnlyList<(AnalyzedText Text, string ArticleId)> samples, int epochs = 30, float learningRate = 0.6f, int seed = 17)
    {
        var classes = samples.Select(s => s.ArticleId).Distinct(StringComparer.Ordinal).ToList();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var features = new Dictionary<string, int>(StringComparer.Ordinal);
        var encoded = samples.Select(s => (Features: Encode(s.Text, features, grow: true, out _), Label: classIndex[s.ArticleId])).ToList();
        var c = classes.Count;
        var weights = new float[features.Count * c];
        var bias = new float[c];
        var probabilities = new float[c];
        var order = Enumerable.Range(0, encoded.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = learningRate / (1f + epoch * 0.2f);
            foreach (var i in order)
            {
                var (x, label) = encoded[i];
                Scores(x, weights, bias, c, probabilities);
                TensorPrimitives.SoftMax(probabilities, probabilities);
                probabilities[label] -= 1f;
                TensorPrimitives.Multiply(probabilities, -rate, probabilities);
                TensorPrimitives.Add(bias, probabilities, bias);
                foreach (var (feature, value) in x)
                {
                    var row = weights.AsSpan(feature * c, c);
                    TensorPrimitives.MultiplyAdd(probabilities, value, row, row);
                }
            }
        }

        return new ArticleClassifier(classes, features, weights, bias);
    }

    /// <summary>Probability of each class (in <see cref="Classes"/> order) for a message.</summary>
    public float[] Predict(AnalyzedText text) => Predict(text, out _);

    /// <summary>
    /// As <see cref="Predict(AnalyzedText)"/>, also telling how much of the message the classifier has seen in training
    /// (0: nothing it knows, its output is only the prior; 1: every feature known). Callers discount the probabilities by it.
    /// </summary>
    public float[] Predict(AnalyzedText text, out float knownShare)
    {
        var c = Classes.Count;
        var probabilities = new float[c];
        var known = Encode(text, _features, grow: false, out knownShare);
        Scores(known, _weights, _bias, c, probabilities);
        TensorPrimitives.SoftMax(probabilities, probabilities);
        return probabilities;
    }

    private static void Scores(List<(int Feature, float Value)> x, float[] weights, float[] bias, int c, Span<float> scores)
    {
        bias.CopyTo(scores);
        foreach (var (feature, value) in x)
        {
            TensorPrimitives.MultiplyAdd(weights.AsSpan(feature * c, c), value, scores, scores);
        }
    }

    /// <summary>Terms (stems and synonym concepts, with their weights) and the character trigrams of each stem, L2-normalised.</summary>
    private static List<(int Feature, float Value)> Encode(AnalyzedText text, Dictionary<string, int> features, bool grow, out float knownShare)
    {
        var values = new Dictionary<int, float>();
        var unknown = new Dictionary<string, float>(StringComparer.Ordinal);
        void Add(string name, float value)
        {
            if (!features.TryGetValue(name, out var index))
            {
                if (!grow)
                {
                    unknown[name] = unknown.GetValueOrDefault(name) + value;
                    return;
                }

                index = features.Count;
                features[name] = index;
            }

            values[index] = values.GetValueOrDefault(index) + value;
        }

        foreach (var term in text.Terms)
        {
            Add(term.Term, term.Weight);
            if (term.Term.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal) || term.Term.Length < 3)
            {
                continue;
            }

            var padded = "<" + term.Term + ">";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Add("#" + padded.Substring(i, 3), 0.3f * term.Weight);
            }
        }

        for (var i = 0; i + 1 < text.Stems.Count; i++)
        {
            Add(text.Stems[i] + "+" + text.Stems[i + 1], 0.5f);
        }

        var knownMass = values.Values.Sum(v => v * v);
        var totalMass = knownMass + unknown.Values.Sum(v => v * v);
        knownShare = totalMass > 0 ? knownMass / totalMass : 0f;
        var norm = MathF.Sqrt(knownMass);
        return values.Select(kv => (kv.Key, norm > 0 ? kv.Value / norm : 0f)).ToList();
    }
}
