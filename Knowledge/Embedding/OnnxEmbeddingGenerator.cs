using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Assistant.Knowledge.Embedding;

/// <summary>
/// A sentence-embedding encoder exported to ONNX (BERT/MiniLM with a WordPiece vocab.txt, XLM-R/e5 with a SentencePiece model) run on the CPU:
/// texts are tokenised, cut to <see cref="OnnxEmbeddingOptions.MaxTokens"/>, batched with padding, and the token vectors pooled and L2-normalised,
/// as sentence-transformers computes them for the same model. Safe to share between threads: the tokenizers are immutable and
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> may run concurrently.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "onnx";

    private const string InputIdsName = "input_ids";
    private const string AttentionMaskName = "attention_mask";
    private const string TokenTypeIdsName = "token_type_ids";
    private const string LastHiddenStateName = "last_hidden_state";

    // Bounds the padded [batch, tokens, hidden] output that one run allocates: 32 x 256 x 384 floats is 12 MB.
    private const int BatchSize = 32;

    private readonly InferenceSession _session;
    private readonly TokenizerBinding _tokenizer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _clsPooling;
    private readonly string _textPrefix;
    private readonly string _modelId;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private int _disposed;

    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ModelPath, nameof(options.ModelPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TokenizerPath, nameof(options.TokenizerPath));
        // Two places go to [CLS]/[SEP] or <s></s>; fewer would leave no room for the text itself.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 3, nameof(options.MaxTokens));
        _clsPooling = ParsePooling(options.Pooling);
        _textPrefix = options.TextPrefix ?? "";

        var modelPath = RequireFile(options.ModelPath, "ONNX embedding model");
        var tokenizerPath = RequireFile(options.TokenizerPath, "Embedding tokenizer");
        _tokenizer = TokenizerBinding.Load(tokenizerPath, options.LowerCase, options.MaxTokens);
        _modelId = Path.GetFileName(modelPath);

        _session = new InferenceSession(modelPath);
        try
        {
            _inputNames = CheckInputs(_session.InputNames, _session.InputMetadata, modelPath);
            var output = _session.OutputNames.Contains(LastHiddenStateName) ? LastHiddenStateName : _session.OutputNames[0];
            _outputNames = [output];
            var outputMetadata = _session.OutputMetadata[output];
            if (outputMetadata.ElementDataType != TensorElementType.Float || outputMetadata.Dimensions.Length is not (2 or 3))
            {
                throw new NotSupportedException(
                    $"ONNX model {modelPath}: output '{output}' must be float32 [batch, tokens, hidden] or [batch, hidden], "
                    + $"is {outputMetadata.ElementDataType} of rank {outputMetadata.Dimensions.Length}.");
            }

            // The hidden size is usually fixed in the export; if it is symbolic, one tiny run tells it.
            var dimensions = outputMetadata.Dimensions[^1] > 0 ? outputMetadata.Dimensions[^1] : Embed([""], CancellationToken.None)[0].Length;
            Dimensions = dimensions;
            _metadata = new EmbeddingGeneratorMetadata(ProviderName, defaultModelId: _modelId, defaultModelDimensions: dimensions);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(text => text ?? throw new ArgumentException("A text to embed is null.", nameof(values))).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        // ONNX Runtime has no asynchronous CPU path, so the work runs on the caller's thread, as in the hashed embedder.
        var vectors = Embed(texts, cancellationToken, out var tokenCount);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(vector => new Embedding<float>(vector) { ModelId = _modelId }))
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
        return Task.FromResult(result);
    }

    private float[][] Embed(string[] texts, CancellationToken cancellationToken) => Embed(texts, cancellationToken, out _);

    private float[][] Embed(string[] texts, CancellationToken cancellationToken, out long tokenCount)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var tokens = new int[texts.Length][];
        tokenCount = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            tokens[i] = _tokenizer.Encode(_textPrefix + texts[i]);
            tokenCount += tokens[i].Length;
        }

        // Texts of similar length share a batch, so little of each run is spent on padding.
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Length][];
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunBatch(order.AsSpan(start, Math.Min(BatchSize, order.Length - start)), tokens, vectors, cancellationToken);
        }

        return vectors;
    }

    private void RunBatch(ReadOnlySpan<int> batch, int[][] tokens, float[][] vectors, CancellationToken cancellationToken)
    {
        var rows = batch.Length;
        var width = 0;
        foreach (var index in batch)
        {
            width = Math.Max(width, tokens[index].Length);
        }

        var ids = new long[rows * width];
        var mask = new long[rows * width];
        Array.Fill(ids, _tokenizer.PaddingId);
        for (var row = 0; row < rows; row++)
        {
            var rowTokens = tokens[batch[row]];
            for (var t = 0; t < rowTokens.Length; t++)
            {
                ids[row * width + t] = rowTokens[t];
                mask[row * width + t] = 1;
            }
        }

        long[] shape = [rows, width];
        var inputs = new List<OrtValue>(_inputNames.Length);
        try
        {
            foreach (var name in _inputNames)
            {
                // Single-segment input: every token type is 0.
                var data = name switch { InputIdsName => ids, AttentionMaskName => mask, _ => new long[rows * width] };
                inputs.Add(OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var runOptions = new RunOptions();
            using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
            using var outputs = _session.Run(runOptions, _inputNames, inputs, _outputNames);
            var output = outputs[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            var hidden = checked((int)outputShape[^1]);
            var values = output.GetTensorDataAsSpan<float>();
            for (var row = 0; row < rows; row++)
            {
                var vector = new float[hidden];
                if (outputShape.Length == 2)
                {
                    values.Slice(row * hidden, hidden).CopyTo(vector);
                }
                else
                {
                    Pool(values.Slice(row * width * hidden, width * hidden), hidden, tokens[batch[row]].Length, vector);
                }

                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }

                vectors[batch[row]] = vector;
            }
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    /// <summary>Token vectors of one text (padding included) into one vector: the first token's, or the mean over the real tokens.</summary>
    private void Pool(ReadOnlySpan<float> tokenVectors, int hidden, int length, Span<float> vector)
    {
        if (_clsPooling)
        {
            tokenVectors[..hidden].CopyTo(vector);
            return;
        }

        for (var t = 0; t < length; t++)
        {
            TensorPrimitives.Add(vector, tokenVectors.Slice(t * hidden, hidden), vector);
        }

        TensorPrimitives.Divide(vector, length, vector);
    }

    private static string[] CheckInputs(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> inputs, string modelPath)
    {
        if (!names.Contains(InputIdsName))
        {
            throw new NotSupportedException($"ONNX model {modelPath} has no '{InputIdsName}' input; its inputs are: {string.Join(", ", names)}.");
        }

        foreach (var name in names)
        {
            var metadata = inputs[name];
            if (name is not (InputIdsName or AttentionMaskName or TokenTypeIdsName))
            {
                throw new NotSupportedException($"ONNX model {modelPath} wants an input '{name}' that a text encoder cannot fill.");
            }

            if (metadata.ElementDataType != TensorElementType.Int64)
            {
                throw new NotSupportedException($"ONNX model {modelPath}: input '{name}' is {metadata.ElementDataType}, only int64 is supported.");
            }
        }

        return names.ToArray();
    }

    private static bool ParsePooling(string? pooling) =>
        pooling?.Trim().ToLowerInvariant() switch
        {
            null or "" or OnnxEmbeddingOptions.MeanPooling => false,
            OnnxEmbeddingOptions.ClsPooling => true,
            _ => throw new ArgumentException(
                $"Unknown pooling '{pooling}': use '{OnnxEmbeddingOptions.MeanPooling}' or '{OnnxEmbeddingOptions.ClsPooling}'.", nameof(pooling)),
        };

    private static string RequireFile(string path, string what)
    {
        var fullPath = Path.GetFullPath(path);
        return File.Exists(fullPath) ? fullPath : throw new FileNotFoundException($"{what} not found: {fullPath}", fullPath);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
        }
    }

    /// <summary>How one tokenizer file turns a text into the ids the model was trained on, framed by its start and end tokens.</summary>
    internal sealed class TokenizerBinding(Func<string, int, IReadOnlyList<int>> encodeContent, int start, int end, int paddingId, int maxTokens)
    {
        public long PaddingId { get; } = paddingId;

        public int[] Encode(string text)
        {
            var content = encodeContent(text, maxTokens - 2);
            var ids = new int[content.Count + 2];
            ids[0] = start;
            for (var i = 0; i < content.Count; i++)
            {
                ids[i + 1] = content[i];
            }

            ids[^1] = end;
            return ids;
        }

        public static TokenizerBinding Load(string path, bool lowerCase, int maxTokens) =>
            Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".txt" => WordPiece(path, lowerCase, maxTokens),
                ".model" => SentencePiece(path, maxTokens),
                _ => throw new NotSupportedException(
                    $"Embedding tokenizer {path}: expected a WordPiece vocab .txt or a SentencePiece .model file."),
            };

        private static TokenizerBinding WordPiece(string path, bool lowerCase, int maxTokens)
        {
            // Hugging Face's BasicTokenizer strips accents exactly when it lower-cases (strip_accents follows do_lower_case).
            var tokenizer = BertTokenizer.Create(path, new BertOptions { LowerCaseBeforeTokenization = lowerCase, RemoveNonSpacingMarks = lowerCase });
            return new TokenizerBinding(
                (text, max) => tokenizer.EncodeToIds(text, max, addSpecialTokens: false, out _, out _),
                tokenizer.ClassificationTokenId,
                tokenizer.SeparatorTokenId,
                tokenizer.PaddingTokenId,
                maxTokens);
        }

        private static TokenizerBinding SentencePiece(string path, int maxTokens)
        {
            SentencePieceTokenizer tokenizer;
            using (var stream = File.OpenRead(path))
            {
                tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
            }

            // XLM-R models (multilingual-e5, paraphrase-multilingual-*, bge-m3) renumber the raw vocabulary <unk>=0, <s>=1, </s>=2 the fairseq way:
            // <s>=0, <pad>=1, </s>=2, <unk>=3 and every other piece one higher. Other layouts (T5, ALBERT) frame texts differently,
            // and guessing would silently shift every token, so they are refused.
            if (tokenizer is not { UnknownId: 0, BeginningOfSentenceId: 1, EndOfSentenceId: 2 })
            {
                throw new NotSupportedException(
                    $"Embedding tokenizer {path}: only XLM-R style SentencePiece models (<unk>=0, <s>=1, </s>=2) are supported, this one has "
                    + $"<unk>={tokenizer.UnknownId}, <s>={tokenizer.BeginningOfSentenceId}, </s>={tokenizer.EndOfSentenceId}.");
            }

            return new TokenizerBinding(
                (text, max) => tokenizer.EncodeToIds(text, false, false, max, out _, out _).Select(FairseqId).ToArray(),
                start: 0,
                end: 2,
                paddingId: 1,
                maxTokens);
        }

        private static int FairseqId(int pieceId) => pieceId switch
        {
            0 => 3,
            1 => 0,
            2 => 2,
            _ => pieceId + 1,
        };
    }
}
