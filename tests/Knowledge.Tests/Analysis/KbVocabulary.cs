using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

/// <summary>Builds a Vocabulary from KB text the way the search index does: normalised words, no stop words, stems with their surface form.</summary>
internal static class KbVocabulary
{
    public static Vocabulary Of(params string[] kbTexts)
    {
        var vocabulary = new Vocabulary();
        foreach (var text in kbTexts)
        {
            foreach (var word in Tokenizer.Split(TextNormalizer.Normalize(text)))
            {
                if (!StopWords.Contains(word))
                {
                    vocabulary.Add(RussianStemmer.Stem(word), word);
                }
            }
        }

        return vocabulary;
    }
}
