using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Tests.TestSupport;

/// <summary>Compares two KBs field by field (records holding lists do not compare by content on their own).</summary>
public static class KbAssert
{
    /// <param name="withVersions">Also compare version and updatedAt, which only the JSON form and the store carry.</param>
    public static void SameContent(KnowledgeBase expected, KnowledgeBase actual, bool withVersions = false)
    {
        Assert.Equal(expected.LifeSituations, actual.LifeSituations);
        Assert.Equal(expected.Articles.Select(a => a.Id), actual.Articles.Select(a => a.Id));
        for (var i = 0; i < expected.Articles.Count; i++)
        {
            SameArticle(expected.Articles[i], actual.Articles[i], withVersions);
        }

        Assert.Equal(expected.Synonyms.Count, actual.Synonyms.Count);
        for (var i = 0; i < expected.Synonyms.Count; i++)
        {
            Assert.Equal(expected.Synonyms[i], actual.Synonyms[i]);
        }
    }

    public static void SameArticle(Article expected, Article actual, bool withVersions = false)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.LifeSituation, actual.LifeSituation);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Questions, actual.Questions);
        Assert.Equal(expected.Answer, actual.Answer);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.HandoffGroup, actual.HandoffGroup);
        Assert.Equal(expected.Status, actual.Status);
        if (withVersions)
        {
            Assert.Equal(expected.Version, actual.Version);
            Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        }
    }
}
