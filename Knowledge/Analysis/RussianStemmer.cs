using System.Collections.Concurrent;
using SnowballRussian = Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer;

namespace Assistant.Knowledge.Analysis;

/// <summary>Snowball stemming (Lucene.Net's port) with a cache: the same few thousand words recur in every question.</summary>
public static class RussianStemmer
{
    private const int MaxCacheEntries = 200_000;

    private static readonly ThreadLocal<SnowballRussian> Stemmer = new(() => new SnowballRussian());
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Stem(string word)
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
        var stem = stemmer.Current;
        if (Cache.Count < MaxCacheEntries)
        {
            Cache.TryAdd(word, stem);
        }

        return stem;
    }

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
