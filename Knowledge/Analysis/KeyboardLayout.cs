namespace Assistant.Knowledge.Analysis;

/// <summary>QWERTY ↔ ЙЦУКЕН: the same keys pressed with the other layout switched on.</summary>
public static class KeyboardLayout
{
    private const string Latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    private const string Cyrillic = "йцукенгшщзхъфывапролджэячсмитьбюё";

    private static readonly Dictionary<char, char> LatinToCyrillic = Build(Latin, Cyrillic);
    private static readonly Dictionary<char, char> CyrillicToLatin = Build(Cyrillic, Latin);

    /// <summary>True when every character of the chunk is a key of the Latin layout (letters and the few punctuation keys that carry Russian letters).</summary>
    public static bool IsLatinLayoutChunk(ReadOnlySpan<char> chunk)
    {
        var letters = 0;
        foreach (var c in chunk)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z')
            {
                letters++;
            }
            else if (!LatinToCyrillic.ContainsKey(lower) && !char.IsPunctuation(c) && !char.IsDigit(c))
            {
                return false;
            }
        }

        return letters > 0;
    }

    public static string ToCyrillic(string text) => Map(text, LatinToCyrillic);

    public static string ToLatin(string text) => Map(text, CyrillicToLatin);

    private static string Map(string text, Dictionary<char, char> map)
    {
        return string.Create(text.Length, (text, map), static (dest, state) =>
        {
            for (var i = 0; i < state.text.Length; i++)
            {
                var c = state.text[i];
                var lower = char.ToLowerInvariant(c);
                dest[i] = state.map.TryGetValue(lower, out var mapped) ? mapped : c;
            }
        });
    }

    private static Dictionary<char, char> Build(string from, string to)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < from.Length; i++)
        {
            map[from[i]] = to[i];
        }

        return map;
    }
}
