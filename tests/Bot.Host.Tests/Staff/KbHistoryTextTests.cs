using System.Text.Json;
using Assistant.Bot.Host.Staff.KbEditor;
using Assistant.Knowledge.Model;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>What the KB editor's history says about a change, in Russian.</summary>
public sealed class KbHistoryTextTests
{
    private static readonly Article Published = new()
    {
        Id = "parking-pass", LifeSituation = "clinic-attachment", Title = "Пропуск на парковку", Questions = ["где пропуск"], Answer = "В администрации.",
    };

    [Fact]
    public void A_status_change_is_compared_in_words_not_as_the_programs_names()
    {
        var lines = ArticleDiff.Between(Published, Published with { Status = ArticleStatus.Draft });

        Assert.Equal([new DiffLine("Статус", '+', "черновик"), new DiffLine("Статус", '-', "опубликована")], lines);
    }

    [Fact]
    public void Each_version_says_what_it_changed_from_the_one_before()
    {
        var v1 = Version(1, 1, Published, "импорт");
        var v2 = Version(2, 2, Published with { Questions = ["где пропуск", "пропуск на машину", "парковка у поликлиники"] }, "masha");
        var v3 = Version(3, 3, Published with { Questions = ["где пропуск"], Answer = "В регистратуре.", Status = ArticleStatus.Draft }, "petrova");

        var changes = ArticleHistory.Changes([v3, v2, v1]);

        Assert.Equal("исходная версия", changes[1]);
        Assert.Equal("формулировки: +2", changes[2]);
        Assert.Equal("формулировки: −2; ответ; статус: черновик", changes[3]);
    }

    private static ArticleVersion Version(long id, int version, Article article, string author) => new()
    {
        Id = id, ArticleId = article.Id, Version = version, Author = author, SavedAt = DateTimeOffset.UnixEpoch,
        Json = JsonSerializer.Serialize(article with { Version = version }, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
    };
}
