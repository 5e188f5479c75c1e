using System.Text;
using Assistant.Knowledge.Embedding;

namespace Assistant.Knowledge.Tests.Embedding;

/// <summary>
/// The ids the ONNX embedder feeds its model, checked on tiny tokenizer files written here: a WordPiece vocab.txt and SentencePiece
/// models serialised by hand, so the XLM-R renumbering is verified without shipping a real multilingual model.
/// </summary>
public sealed class OnnxTokenizerBindingTests : IDisposable
{
    // SentencePiece piece types, from sentencepiece_model.proto.
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tokenizers-");

    [Fact]
    public void A_wordpiece_vocab_frames_the_text_with_cls_and_sep()
    {
        var binding = OnnxEmbeddingGenerator.TokenizerBinding.Load(WordPieceVocab(), lowerCase: true, maxTokens: 16);

        Assert.Equal([2, 5, 6, 3], binding.Encode("Hello WORLD"));
        Assert.Equal([2, 5, 6, 3], binding.Encode("héllo world"));
        Assert.Equal(0, binding.PaddingId);
    }

    [Fact]
    public void A_cased_wordpiece_vocab_keeps_case()
    {
        var binding = OnnxEmbeddingGenerator.TokenizerBinding.Load(WordPieceVocab(), lowerCase: false, maxTokens: 16);

        Assert.Equal([2, 1, 6, 3], binding.Encode("Hello world"));
    }

    [Fact]
    public void MaxTokens_counts_the_special_tokens()
    {
        var binding = OnnxEmbeddingGenerator.TokenizerBinding.Load(WordPieceVocab(), lowerCase: true, maxTokens: 3);

        Assert.Equal([2, 5, 3], binding.Encode("hello world hello"));
    }

    [Fact]
    public void An_xlmr_sentencepiece_model_is_renumbered_the_fairseq_way()
    {
        var binding = OnnxEmbeddingGenerator.TokenizerBinding.Load(XlmrSentencePieceModel(), lowerCase: true, maxTokens: 16);

        // Raw pieces ▁привет=4 and ▁мир=5 become 5 and 6; <s> becomes 0 and </s> stays 2.
        Assert.Equal([0, 5, 6, 2], binding.Encode("привет мир"));
        // Raw ▁=3 becomes 4; unknown characters, raw <unk>=0, become fairseq's <unk>=3.
        Assert.Equal([0, 5, 4, 3, 3, 2], binding.Encode("привет zz"));
        Assert.Equal(1, binding.PaddingId);
    }

    [Fact]
    public void A_sentencepiece_text_is_cut_to_MaxTokens()
    {
        var binding = OnnxEmbeddingGenerator.TokenizerBinding.Load(XlmrSentencePieceModel(), lowerCase: true, maxTokens: 3);

        Assert.Equal([0, 5, 2], binding.Encode("привет мир привет"));
    }

    [Fact]
    public void A_sentencepiece_model_of_another_layout_is_refused()
    {
        // ALBERT's layout: <pad>=0, <unk>=1, [CLS]=2, [SEP]=3.
        var path = SentencePieceModel("albert.model", [("<pad>", 0, Control), ("<unk>", 0, Unknown), ("[CLS]", 0, Control), ("[SEP]", 0, Control), ("▁hello", -1, Normal)], unkId: 1, bosId: 2, eosId: 3, padId: 0);

        var error = Assert.Throws<NotSupportedException>(() => OnnxEmbeddingGenerator.TokenizerBinding.Load(path, lowerCase: true, maxTokens: 16));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void An_unknown_tokenizer_format_is_refused()
    {
        var path = Path.Combine(_directory.FullName, "tokenizer.json");
        File.WriteAllText(path, "{}");

        Assert.Throws<NotSupportedException>(() => OnnxEmbeddingGenerator.TokenizerBinding.Load(path, lowerCase: true, maxTokens: 16));
    }

    private string WordPieceVocab()
    {
        var path = Path.Combine(_directory.FullName, "vocab.txt");
        File.WriteAllLines(path, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world"]);
        return path;
    }

    private string XlmrSentencePieceModel() =>
        SentencePieceModel(
            "sentencepiece.bpe.model",
            [("<unk>", 0, Unknown), ("<s>", 0, Control), ("</s>", 0, Control), ("▁", -5, Normal), ("▁привет", -1, Normal), ("▁мир", -1, Normal), ("п", -10, Normal), ("р", -10, Normal)],
            unkId: 0,
            bosId: 1,
            eosId: 2,
            padId: -1);

    /// <summary>A unigram ModelProto with the given pieces and special ids, in protobuf wire format.</summary>
    private string SentencePieceModel(string name, (string Piece, float Score, int Type)[] pieces, int unkId, int bosId, int eosId, int padId)
    {
        using var model = new MemoryStream();
        foreach (var (piece, score, type) in pieces)
        {
            using var message = new MemoryStream();
            WriteBytes(message, 1, Encoding.UTF8.GetBytes(piece));
            WriteTag(message, 2, wireType: 5);
            message.Write(BitConverter.GetBytes(score));
            WriteTag(message, 3, wireType: 0);
            WriteVarint(message, (ulong)type);
            WriteBytes(model, 1, message.ToArray());
        }

        using var trainer = new MemoryStream();
        WriteVarintField(trainer, 3, 1); // model_type = UNIGRAM
        WriteVarintField(trainer, 40, unkId);
        WriteVarintField(trainer, 41, bosId);
        WriteVarintField(trainer, 42, eosId);
        WriteVarintField(trainer, 43, padId);
        WriteBytes(model, 2, trainer.ToArray());

        using var normalizer = new MemoryStream();
        WriteBytes(normalizer, 1, Encoding.UTF8.GetBytes("identity"));
        WriteBytes(model, 3, normalizer.ToArray());

        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    private static void WriteVarintField(Stream stream, int field, int value)
    {
        WriteTag(stream, field, wireType: 0);
        // int32 fields carry negative values sign-extended to 64 bits.
        WriteVarint(stream, unchecked((ulong)(long)value));
    }

    private static void WriteBytes(Stream stream, int field, byte[] bytes)
    {
        WriteTag(stream, field, wireType: 2);
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteTag(Stream stream, int field, int wireType) => WriteVarint(stream, (ulong)((field << 3) | wireType));

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
