using System.Text.Json.Nodes;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Import;

public sealed class KbJsonFormatTests
{
    [Fact]
    public void The_seed_KB_survives_a_write_and_parse_unchanged()
    {
        var seed = SeedKnowledgeBase.Load();

        var parsed = KbJsonFormat.Parse(KbJsonFormat.Write(seed));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        KbAssert.SameContent(seed, parsed.KnowledgeBase!, withVersions: true);
    }

    [Fact]
    public void Every_field_survives_a_write_and_parse_including_drafts_versions_and_dates()
    {
        var kb = SampleKb.Create();

        var parsed = KbJsonFormat.Parse(KbJsonFormat.Write(kb));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        KbAssert.SameContent(kb, parsed.KnowledgeBase!, withVersions: true);
        Assert.Equal(ArticleStatus.Draft, parsed.KnowledgeBase!.Articles[2].Status);
        Assert.Null(parsed.KnowledgeBase.Articles[1].HandoffGroup);
    }

    [Fact]
    public void Russian_text_is_written_readably_not_as_escapes()
    {
        var json = KbJsonFormat.Write(SampleKb.Create());

        Assert.Contains("Как получить полис ОМС", json);
        Assert.DoesNotContain("\\u041", json);
    }

    [Fact]
    public void Optional_fields_take_their_defaults()
    {
        const string json = """
            {
              "lifeSituations": [{ "id": "oms-policy", "title": "Полис ОМС" }],
              "articles": [{
                "id": "oms-get-policy",
                "lifeSituation": "oms-policy",
                "title": "Как получить полис ОМС",
                "questions": ["Как получить полис ОМС?"],
                "answer": "В страховой компании или на Госуслугах."
              }]
            }
            """;

        var parsed = KbJsonFormat.Parse(json);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var article = Assert.Single(parsed.KnowledgeBase!.Articles);
        Assert.Equal([Segment.Citizen], article.Segments);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(1, article.Version);
        Assert.Empty(article.Sources);
        Assert.Empty(parsed.KnowledgeBase.Synonyms);
    }

    [Fact]
    public void Null_optional_fields_take_their_defaults()
    {
        const string json = """
            {
              "lifeSituations": [{ "id": "oms-policy", "title": "Полис ОМС" }],
              "articles": [{
                "id": "oms-get-policy", "lifeSituation": "oms-policy", "title": "Полис",
                "questions": ["Как получить полис?"], "answer": "В страховой компании.",
                "segments": null, "sources": null, "handoffGroup": null, "status": null
              }],
              "synonyms": null
            }
            """;

        var parsed = KbJsonFormat.Parse(json);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var article = parsed.KnowledgeBase!.Articles[0];
        Assert.Equal([Segment.Citizen], article.Segments);
        Assert.Empty(article.Sources);
        Assert.Null(article.HandoffGroup);
        Assert.Equal(ArticleStatus.Published, article.Status);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("updatedAt")]
    public void A_null_version_or_update_time_is_an_error(string field)
    {
        var json = Mutate(root => Article(root, 0)[field] = null);

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("articles[0]", error.Position);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_update_time_may_be_a_date_alone()
    {
        var json = Mutate(root => Article(root, 0)["updatedAt"] = "2025-03-01");

        var parsed = KbJsonFormat.Parse(json);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(new DateOnly(2025, 3, 1), DateOnly.FromDateTime(parsed.KnowledgeBase!.Articles[0].UpdatedAt.DateTime));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var json = Mutate(root => Article(root, 0)["segment"] = "business");

        var parsed = KbJsonFormat.Parse(json);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal([Segment.Citizen], parsed.KnowledgeBase!.Articles[0].Segments);
    }

    [Fact]
    public void Comments_and_trailing_commas_a_moderator_leaves_are_tolerated()
    {
        const string json = """
            {
              // ситуации
              "lifeSituations": [{ "id": "oms-policy", "title": "Полис ОМС" },],
              "articles": [{
                "id": "oms-get-policy", "lifeSituation": "oms-policy", "title": "Полис",
                "questions": ["Как получить полис?",], "answer": "В страховой компании.",
              }],
            }
            """;

        Assert.True(KbJsonFormat.Parse(json).IsValid);
    }

    [Fact]
    public void Malformed_JSON_gives_one_error_with_line_and_position()
    {
        const string json = "{\n  \"lifeSituations\": [\n    { \"id\": \"oms-policy\" \"title\": \"Полис ОМС\" }\n  ]\n}";

        var parsed = KbJsonFormat.Parse(json);

        Assert.False(parsed.IsValid);
        Assert.Null(parsed.KnowledgeBase);
        var error = Assert.Single(parsed.Errors);
        Assert.Matches(@"^line 3, position \d+$", error.Position);
        Assert.Equal("json", error.Field);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"полис\"")]
    public void A_file_that_is_not_one_object_is_rejected(string json)
    {
        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("$", error.Position);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("lifeSituations")]
    public void A_missing_top_level_list_is_named(string list)
    {
        var json = Mutate(root => root.AsObject().Remove(list));

        var errors = KbJsonFormat.Parse(json).Errors;

        Assert.Contains(errors, e => e.Position == "$" && e.Field == list);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("lifeSituation")]
    [InlineData("title")]
    [InlineData("answer")]
    public void A_missing_required_article_field_names_the_article_and_field(string field)
    {
        var json = Mutate(root => Article(root, 1).Remove(field));

        var parsed = KbJsonFormat.Parse(json);

        Assert.False(parsed.IsValid);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("articles[1]", error.Position);
        Assert.Equal(field, error.Field);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        var json = Mutate(root => Article(root, 0)["questions"] = "Как получить полис ОМС?");

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("articles[0]", error.Position);
        Assert.Equal("questions", error.Field);
    }

    [Fact]
    public void A_source_without_url_names_the_source()
    {
        var json = Mutate(root => Article(root, 1)["sources"]![1]!.AsObject().Remove("url"));

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("articles[1].sources[1]", error.Position);
        Assert.Equal("url", error.Field);
    }

    [Theory]
    [InlineData("archived", "status")]
    [InlineData(0, "version")]
    [InlineData("вчера", "updatedAt")]
    public void An_impossible_status_version_or_date_is_named(object value, string field)
    {
        var json = Mutate(root => Article(root, 2)[field] = JsonValue.Create(value));

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("articles[2]", error.Position);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Rule_breaking_content_in_a_well_formed_file_is_reported_by_the_validator()
    {
        var json = Mutate(root => Article(root, 1)["lifeSituation"] = "pets");

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal("articles[1]", error.Position);
        Assert.Equal("lifeSituation", error.Field);
        Assert.Contains("pets", error.Message);
    }

    [Fact]
    public void Several_shape_problems_in_one_file_are_all_reported_together()
    {
        var json = Mutate(root =>
        {
            Article(root, 0).Remove("title");
            Article(root, 1)["answer"] = 42;
            root["lifeSituations"]![1]!.AsObject().Remove("id");
        });

        var errors = KbJsonFormat.Parse(json).Errors;

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Position == "articles[0]" && e.Field == "title");
        Assert.Contains(errors, e => e.Position == "articles[1]" && e.Field == "answer");
        Assert.Contains(errors, e => e.Position == "lifeSituations[1]" && e.Field == "id");
    }

    [Fact]
    public void A_file_with_a_reading_error_and_a_content_error_reports_both_in_file_order()
    {
        var json = Mutate(root =>
        {
            Article(root, 1)["sources"]![0]!["date"] = "2026-02-31";
            Article(root, 0)["title"] = "";
            Article(root, 2)["lifeSituation"] = "clinic";
        });

        var parsed = KbJsonFormat.Parse(json);

        Assert.False(parsed.IsValid);
        Assert.Equal(
            [("articles[0]", "title"), ("articles[1].sources[0]", "date"), ("articles[2]", "lifeSituation")],
            parsed.Errors.Select(e => (e.Position, e.Field)).ToList());
        Assert.Contains("2026-02-31", parsed.Errors[1].Message);
    }

    [Fact]
    public void A_list_that_cannot_be_read_is_reported_without_the_errors_it_causes()
    {
        var json = Mutate(root => root.AsObject().Remove("lifeSituations"));

        var error = Assert.Single(KbJsonFormat.Parse(json).Errors);

        Assert.Equal(("$", "lifeSituations"), (error.Position, error.Field));
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(KbJsonFormat.Write(SampleKb.Create()))!;
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Article(JsonNode root, int index) => root["articles"]![index]!.AsObject();

    [Fact]
    public void A_source_date_is_read_and_a_malformed_one_is_an_error_at_its_source()
    {
        const string kb = """
            {"lifeSituations":[{"id":"oms-policy","title":"Полис ОМС"}],
             "articles":[{"id":"a1","lifeSituation":"oms-policy","title":"Полис","questions":["как получить полис"],"answer":"В страховой.",
               "sources":[{"title":"ФФОМС","url":"https://www.ffoms.gov.ru/","date":"2024-03-01"},{"title":"Закон","url":"https://www.consultant.ru/","date":"01.03.2024"}]}]}
            """;

        var parsed = KbJsonFormat.Parse(kb);

        Assert.Contains(parsed.Errors, e => e.Position.Contains("sources[1]", StringComparison.Ordinal) && e.Message.Contains("01.03.2024"));
        var fixedKb = KbJsonFormat.Parse(kb.Replace("01.03.2024", "2024-02-15", StringComparison.Ordinal));
        Assert.True(fixedKb.IsValid, string.Join("; ", fixedKb.Errors));
        Assert.Equal(new DateOnly(2024, 3, 1), fixedKb.KnowledgeBase!.Articles[0].Sources[0].Date);
        Assert.Contains("\"date\": \"2024-03-01\"", KbJsonFormat.Write(fixedKb.KnowledgeBase), StringComparison.Ordinal);
    }
}
