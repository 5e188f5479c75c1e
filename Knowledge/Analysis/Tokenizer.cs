namespace Assistant.Knowledge.Analysis;

/// <summary>Splits normalised text into words: runs of letters or of digits; everything else separates.</summary>
public static class Tokenizer
{
    /// <summary>Bounds the work for a pathological message (thousands of one-letter words).</summary>
    public const int MaxTokens = 200;

    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var startIsDigit = false;
        for (var i = 0; i <= text.Length && tokens.Count < MaxTokens; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isLetter = char.IsLetter(c);
            var isDigit = char.IsDigit(c);
            if (start >= 0 && (!(isLetter || isDigit) || isDigit != startIsDigit))
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            if (start < 0 && (isLetter || isDigit))
            {
                start = i;
                startIsDigit = isDigit;
            }
        }

        return tokens;
    }
}
