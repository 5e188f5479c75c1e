using System.Text.Json.Nodes;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Import;

/// <summary>The rules every imported KB obeys, fed through the JSON form a moderator would upload.</summary>
public sealed class KbValidatorTests
{
    private static readonly Dictionary<string, Action<JsonNode>> Changes = new()
    {
        ["duplicate id"] = root => Article(root, 1)["id"] = "oms-get-policy",
        ["id with a space"] = root => Article(root, 1)["id"] = "sick leave",
        ["unknown life situation"] = root => Article(root, 1)["lifeSituation"] = "pets",
        ["unknown segment"] = root => Article(root, 1)["segments"] = new JsonArray("citizen", "pensioner"),
        ["source url not a web address"] = root => Article(root, 1)["sources"]![0]!["url"] = "sfr.gov.ru",
        ["source url of another scheme"] = root => Article(root, 1)["sources"]![1]!["url"] = "ftp://gosuslugi.ru/",
        ["empty question list"] = root => Article(root, 1)["questions"] = new JsonArray(),
        ["blank question"] = root => Article(root, 1)["questions"] = new JsonArray("Кто оплачивает больничный?", "   "),
        ["blank title"] = root => Article(root, 1)["title"] = " ",
        ["answer too long"] = root => Article(root, 1)["answer"] = new string('а', KbValidator.MaxAnswerLength + 1),
        ["question too long"] = root => Article(root, 1)["questions"] = new JsonArray(new string('в', KbValidator.MaxQuestionLength + 1)),
        ["duplicate life situation"] = root => root["lifeSituations"]![1]!["id"] = "oms-policy",
        ["one-word synonym group"] = root => root["synonyms"]![1] = new JsonArray("соцфонд"),
    };

    [Theory]
    [InlineData("duplicate id", "articles[1]", "id")]
    [InlineData("id with a space", "articles[1]", "id")]
    [InlineData("unknown life situation", "articles[1]", "lifeSituation")]
    [InlineData("unknown segment", "articles[1]", "segments")]
    [InlineData("source url not a web address", "articles[1]", "sources[0].url")]
    [InlineData("source url of another scheme", "articles[1]", "sources[1].url")]
    [InlineData("empty question list", "articles[1]", "questions")]
    [InlineData("blank question", "articles[1]", "questions[1]")]
    [InlineData("blank title", "articles[1]", "title")]
    [InlineData("answer too long", "articles[1]", "answer")]
    [InlineData("question too long", "articles[1]", "questions[0]")]
    [InlineData("duplicate life situation", "lifeSituations[1]", "id")]
    [InlineData("one-word synonym group", "synonyms[1]", "synonyms")]
    public void Each_problem_is_reported_with_its_position_and_field(string problem, string position, string field)
    {
        var result = KbJsonFormat.Parse(Mutate(Changes[problem]));

        Assert.False(result.IsValid, problem);
        Assert.Null(result.KnowledgeBase);
        Assert.Contains(result.Errors, e => e.Position == position && e.Field == field && e.Message.Length > 0);
    }

    [Fact]
    public void Lists_given_as_null_by_an_API_caller_are_refused_not_stored()
    {
        var kb = SeedKnowledgeBase.Load();
        var article = kb.Articles[1];
        var broken = kb with
        {
            Articles = [.. kb.Articles.Select(a => a.Id == article.Id ? a with { Segments = null!, Sources = [null!, .. a.Sources] } : a)],
        };

        var errors = KbValidator.Validate(broken).Errors;

        Assert.Contains(errors, e => e.Position == "articles[1]" && e.Field == "segments" && e.Message == "is null: give a list or leave it out");
        Assert.Contains(errors, e => e.Position == "articles[1]" && e.Field == "sources[0]" && e.Message == "is null");
        Assert.Contains(KbValidator.Validate(kb with { Articles = [.. kb.Articles.Select(a => a.Id == article.Id ? a with { Sources = null! } : a)] }).Errors,
            e => e.Position == "articles[1]" && e.Field == "sources");
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_at_once()
    {
        var json = Mutate(root =>
        {
            Article(root, 0)["segments"] = new JsonArray("пенсионер");
            Article(root, 1)["id"] = "oms-get-policy";
            Article(root, 1)["sources"]![0]!["url"] = "не ссылка";
            Article(root, 2)["questions"] = new JsonArray();
        });

        var errors = KbJsonFormat.Parse(json).Errors;

        Assert.True(errors.Count >= 4, string.Join("; ", errors));
        Assert.Contains(errors, e => e.Position == "articles[0]" && e.Field == "segments");
        Assert.Contains(errors, e => e.Position == "articles[1]" && e.Field == "id");
        Assert.Contains(errors, e => e.Position == "articles[1]" && e.Field == "sources[0].url");
        Assert.Contains(errors, e => e.Position == "articles[2]" && e.Field == "questions");
    }

    [Fact]
    public void An_error_reads_as_position_field_and_message()
    {
        var error = new KbError("articles[1]", "lifeSituation", "'pets' is not one of the life situations");

        Assert.Equal("articles[1]: lifeSituation: 'pets' is not one of the life situations", error.ToString());
    }

    [Fact]
    public void A_KB_without_articles_is_rejected()
    {
        var result = KbValidator.Validate(new KnowledgeBase { LifeSituations = [new LifeSituation("oms-policy", "Полис ОМС")] });

        Assert.Contains(result.Errors, e => e.Field == "articles");
    }

    [Fact]
    public void The_seed_KB_is_valid()
    {
        var result = KbValidator.Validate(SeedKnowledgeBase.Load());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Positions_can_be_given_in_the_source_files_terms()
    {
        var kb = SampleKb.Create();
        kb = kb with { Articles = [kb.Articles[0], kb.Articles[1] with { LifeSituation = "pets" }] };

        var result = KbValidator.Validate(kb, i => $"line {10 + i}");

        Assert.Contains(result.Errors, e => e.Position == "line 11" && e.Field == "lifeSituation");
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(KbJsonFormat.Write(SampleKb.Create()))!;
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Article(JsonNode root, int index) => root["articles"]![index]!.AsObject();
}
