using Assistant.Knowledge.Model;

namespace Assistant.Benchmarks;

/// <summary>
/// A large KB shaped like a real one: articles of 10 phrasings each, built from the seed KB's own words plus invented topic words,
/// so vocabulary, term frequencies and question lengths resemble production at any size.
/// </summary>
public static class SyntheticKb
{
    public static KnowledgeBase Create(KnowledgeBase seed, int questions, int seedValue = 42)
    {
        var random = new Random(seedValue);
        var words = seed.Articles.SelectMany(a => a.Questions.Append(a.Title))
            .SelectMany(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('?', '.', ',', '!', '«', '»', '(', ')').ToLowerInvariant())
            .Where(w => w.Length > 2)
            .Distinct()
            .ToArray();
        const string syllables = "ба ве ги до лу ма не по ра си ту фе хо це чу ша ют ям ор ин ек ус ал";
        var parts = syllables.Split(' ');
        string Invented() => string.Concat(Enumerable.Range(0, random.Next(3, 5)).Select(_ => parts[random.Next(parts.Length)]));

        const int perArticle = 10;
        var articleCount = Math.Max(1, questions / perArticle);
        var situations = Enumerable.Range(0, 50).Select(i => new LifeSituation($"ls-{i}", $"Ситуация {i}")).ToList();
        var articles = new List<Article>(articleCount);
        for (var a = 0; a < articleCount; a++)
        {
            var topic = Enumerable.Range(0, 3).Select(_ => Invented()).ToArray();
            var list = new List<string>(perArticle);
            for (var q = 0; q < perArticle; q++)
            {
                var length = random.Next(4, 10);
                var text = Enumerable.Range(0, length).Select(i => i % 3 == 0 ? topic[random.Next(topic.Length)] : words[random.Next(words.Length)]);
                list.Add(string.Join(' ', text));
            }

            articles.Add(new Article
            {
                Id = $"a-{a}",
                LifeSituation = situations[a % situations.Count].Id,
                Title = string.Join(' ', topic),
                Questions = list,
                Answer = string.Join(' ', Enumerable.Range(0, 30).Select(_ => words[random.Next(words.Length)])),
            });
        }

        return new KnowledgeBase { LifeSituations = situations, Articles = articles };
    }

    /// <summary>Questions as people would send them: a KB phrasing with a word dropped and a letter swapped.</summary>
    public static List<string> Queries(KnowledgeBase kb, int count, int seedValue = 7)
    {
        var random = new Random(seedValue);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var article = kb.Articles[random.Next(kb.Articles.Count)];
            var words = article.Questions[random.Next(article.Questions.Count)].Split(' ').ToList();
            if (words.Count > 3)
            {
                words.RemoveAt(random.Next(words.Count));
            }

            var w = random.Next(words.Count);
            if (words[w].Length > 4)
            {
                var chars = words[w].ToCharArray();
                var p = random.Next(chars.Length - 1);
                (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]);
                words[w] = new string(chars);
            }

            queries.Add(string.Join(' ', words));
        }

        return queries;
    }
}
