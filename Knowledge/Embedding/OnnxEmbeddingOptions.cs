namespace Assistant.Knowledge.Embedding;

/// <summary>A local sentence-embedding model run with ONNX Runtime (section "Embeddings:Onnx").</summary>
public sealed class OnnxEmbeddingOptions
{
    public const string Section = "Embeddings:Onnx";

    public const string MeanPooling = "mean";
    public const string ClsPooling = "cls";

    /// <summary>The exported encoder, e.g. model.onnx of all-MiniLM-L6-v2 or multilingual-e5-small.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>
    /// A BERT WordPiece vocab.txt, or a SentencePiece .model file (e.g. sentencepiece.bpe.model of multilingual-e5-small);
    /// the extension decides which tokenizer reads it.
    /// </summary>
    public string TokenizerPath { get; set; } = "";

    /// <summary>Longest input in tokens, special tokens included; longer texts are cut, as sentence-transformers does.</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>"mean" (masked average of the token vectors, what most sentence-transformers models were trained with) or "cls" (first token).</summary>
    public string Pooling { get; set; } = MeanPooling;

    /// <summary>Put before every text; e5 models expect "query: " or "passage: " and are noticeably worse without it.</summary>
    public string TextPrefix { get; set; } = "";

    /// <summary>For a BERT vocabulary: lower-case and strip accents first, as the uncased models were trained.</summary>
    public bool LowerCase { get; set; } = true;
}
