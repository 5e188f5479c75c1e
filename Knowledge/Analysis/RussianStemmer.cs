using System.Collections.Concurrent;
using SnowballRussian = Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer;

namespace Assistant.Knowledge.Analysis;

/// <summary>Snowball stemming (Lucene.Net's port) with a cache: the same few thousand words recur in every question.</summary>
public static class RussianStemmer
{
    private const int MaxCacheEntries = 200_000;

    /// <summary>No Russian word is longer; longer "words" are noise or an attack and must not fill the cache.</summary>
    private const int MaxCachedWordLength = 32;

    private static readonly ThreadLocal<SnowballRussian> Stemmer = new(() => new SnowballRussian());
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Stem(string word) => Stem(word, remember: true);

    /// <summary>As <see cref="Stem(string)"/>, without caching: for one-off strings (tails tried while splitting a word).</summary>
    public static string StemOnce(string word) => Stem(word, remember: false);

    private static string Stem(string word, bool remember)
    {
        if (word.Length < 3 || !IsCyrillic(word))
        {
            return word;
        }

        if (Cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stemmer = Stemmer.Value!;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = WithoutFleetingVowel(stemmer.Current);
        if (remember && word.Length <= MaxCachedWordLength && Cache.Count < MaxCacheEntries)
        {
            Cache.TryAdd(word, stem);
        }

        return stem;
    }

    /// <summary>
    /// Snowball keeps the fleeting vowel of "листок" but not of "листка", "отец"/"отца": dropping о/е before a final к or ц
    /// gives every form one stem. Applied to every text alike, so it only has to be consistent, not linguistically exact.
    /// </summary>
    private static string WithoutFleetingVowel(string stem)
    {
        if (stem.Length >= 5 && stem[^1] is 'к' or 'ц' && stem[^2] is 'о' or 'е' && !IsVowel(stem[^3]))
        {
            return string.Concat(stem.AsSpan(0, stem.Length - 2), stem.AsSpan(stem.Length - 1));
        }

        return stem;
    }

    private static bool IsVowel(char c) => "аеиоуыэюя".Contains(c);

    public static bool IsCyrillic(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'а' or > 'я')
            {
                return false;
            }
        }

        return true;
    }
}
