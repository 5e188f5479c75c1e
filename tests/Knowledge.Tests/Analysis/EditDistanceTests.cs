using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("полис", "полис", 0)]
    [InlineData("полис", "полес", 1)] // substitution
    [InlineData("полис", "плоис", 1)] // neighbours swapped
    [InlineData("больничный", "болничный", 1)] // deletion
    [InlineData("врач", "враччь", 2)] // insertions
    [InlineData("", "омс", 3)]
    [InlineData("поликлиника", "полеклинека", 2)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(a, b, max: 5));
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(b, a, max: 5));
    }

    [Theory]
    [InlineData("полис", "справка")]
    [InlineData("омс", "диспансеризация")]
    public void Words_further_apart_than_the_limit_are_reported_as_past_it(string a, string b)
    {
        Assert.True(EditDistance.DamerauLevenshtein(a, b, max: 2) > 2);
    }
}
