namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// Logistic regression from a few figures to a probability: that a candidate article is the right one (<see cref="CandidateScorer"/>),
/// that the first article is right, or that the right one is among those offered (<see cref="ConfidenceFeatures"/>). Small and
/// fast: a dozen weights, trained in milliseconds on the KB's own calibration questions.
/// </summary>
internal sealed class LogisticModel
{
    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _weights;
    private readonly float _bias;

    private LogisticModel(float[] mean, float[] scale, float[] weights, float bias)
    {
        _mean = mean;
        _scale = scale;
        _weights = weights;
        _bias = bias;
    }

    /// <param name="balanced">Weigh right and wrong examples equally (for ranking); off, the output estimates the probability itself.</param>
    public static LogisticModel Train(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, bool balanced = true, float l2 = 0.01f, int iterations = 300)
    {
        var d = x.Count > 0 ? x[0].Length : 0;
        var n = x.Count;
        var mean = new float[d];
        var scale = new float[d];
        for (var j = 0; j < d; j++)
        {
            var m = 0.0;
            for (var i = 0; i < n; i++)
            {
                m += x[i][j];
            }

            m /= Math.Max(1, n);
            var v = 0.0;
            for (var i = 0; i < n; i++)
            {
                v += (x[i][j] - m) * (x[i][j] - m);
            }

            mean[j] = (float)m;
            scale[j] = (float)Math.Max(Math.Sqrt(v / Math.Max(1, n)), 1e-4);
        }

        var positives = y.Count(t => t);
        var wPositive = !balanced || positives == 0 ? 1f : n / (2f * positives);
        var wNegative = !balanced || positives == n ? 1f : n / (2f * (n - positives));
        var weights = new float[d];
        var bias = 0f;
        var gradient = new float[d];
        var z = new float[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var gradientBias = 0f;
            for (var i = 0; i < n; i++)
            {
                Standardize(x[i], mean, scale, z);
                var p = Sigmoid(Dot(weights, z) + bias);
                var error = (p - (y[i] ? 1f : 0f)) * (y[i] ? wPositive : wNegative);
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * z[j];
                }

                gradientBias += error;
            }

            const float rate = 0.5f;
            for (var j = 0; j < d; j++)
            {
                weights[j] -= rate * (gradient[j] / Math.Max(1, n) + l2 * weights[j]);
            }

            bias -= rate * gradientBias / Math.Max(1, n);
        }

        return new LogisticModel(mean, scale, weights, bias);
    }

    public float Predict(float[] features)
    {
        Span<float> z = stackalloc float[_weights.Length];
        for (var j = 0; j < z.Length; j++)
        {
            z[j] = (features[j] - _mean[j]) / _scale[j];
        }

        return Sigmoid(Dot(_weights, z) + _bias);
    }

    private static void Standardize(float[] x, float[] mean, float[] scale, float[] z)
    {
        for (var j = 0; j < z.Length; j++)
        {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static float Sigmoid(float v) => 1f / (1f + MathF.Exp(-v));
}
