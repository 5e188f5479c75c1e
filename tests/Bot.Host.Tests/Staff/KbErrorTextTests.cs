using Assistant.Bot.Host.Staff.KbEditor;
using Assistant.Knowledge.Import;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The KB's errors as moderators read them in the console: Russian, the form's field names, positions from 1.</summary>
public sealed class KbErrorTextTests
{
    [Theory]
    [InlineData("articles[3]", "title", "is required", "Статья 4, «Заголовок»: обязательно")]
    [InlineData("articles[5]", "id", "article id 'oms-change-insurer' is used twice", "Статья 6, «Идентификатор»: идентификатор «oms-change-insurer» встречается дважды")]
    [InlineData("articles[0]", "sources[1].url", "'не-адрес' is not an http(s) address", "Статья 1, Источник 2: адрес: «не-адрес» — не адрес вида https://…")]
    [InlineData("line 1065, position 7", "json", "the file is not valid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'. LineNumber: 1064 | BytePositionInLine: 6.",
        "Строка 1065, позиция 7, файл JSON: файл не является корректным JSON: проверьте запятые, кавычки и скобки в этом месте")]
    [InlineData("line 2", "csv", "a quoted cell is never closed", "Строка 2, файл CSV: кавычка, открытая в ячейке, не закрыта")]
    [InlineData("synonyms[0]", "synonyms", "a synonym group needs at least two words or phrases", "Группа синонимов 1, синонимы: в группе синонимов нужно хотя бы два слова или фразы")]
    [InlineData("articles[1].sources[0]", "date", "'2026-02-31' is not a date written as yyyy-MM-dd",
        "Статья 2, источник 1, дата: «2026-02-31» — не дата в виде ГГГГ-ММ-ДД (например, 2026-02-28)")]
    [InlineData("line 4", "sources", "'2024-13-45' is not a date written as yyyy-MM-dd",
        "Строка 4, «Источники»: «2024-13-45» — не дата в виде ГГГГ-ММ-ДД (например, 2026-02-28)")]
    [InlineData("kb.txt", "file", "unknown extension '.txt': use .json, .csv or .tsv", "Файл «kb.txt»: расширение «.txt» не поддерживается: нужен .json, .csv или .tsv")]
    [InlineData("/var/tmp/uploads/kb.txt", "file", "no such file", "Файл «kb.txt»: файл не найден")]
    [InlineData("articles", "articles", "the KB has no articles", "Статьи: в базе нет ни одной статьи")]
    [InlineData("life_situation_title", "life_situation_title", "no row gives a title for life situation 'clinic'",
        "Название жизненной ситуации: ни одна строка не задаёт название ситуации «clinic»")]
    public void Errors_read_in_Russian_with_positions_from_one(string position, string field, string message, string shown) =>
        Assert.Equal(shown, KbErrorText.Describe(new KbError(position, field, message)));

    [Fact]
    public void Every_error_of_a_file_with_several_is_read_in_Russian()
    {
        // A source date that is no date and a blank title: both are listed, neither in the validator's English.
        const string json = """
            {"lifeSituations":[{"id":"oms-policy","title":"Полис ОМС"}],
             "articles":[
               {"id":"a1","lifeSituation":"oms-policy","title":"Полис","questions":["как получить полис"],"answer":"В страховой.",
                "sources":[{"title":"ФФОМС","url":"https://www.ffoms.gov.ru/","date":"2026-02-31"}]},
               {"id":"a2","lifeSituation":"oms-policy","title":"","questions":["где полис"],"answer":"В страховой."}]}
            """;

        var shown = KbFile.Parse("kb.json", json).Errors.Select(KbErrorText.Describe).ToList();

        Assert.Equal(
            ["Статья 1, источник 1, дата: «2026-02-31» — не дата в виде ГГГГ-ММ-ДД (например, 2026-02-28)", "Статья 2, «Заголовок»: обязательно"],
            shown);
    }

    [Fact]
    public void A_message_the_table_does_not_know_is_shown_as_it_is() =>
        Assert.EndsWith("something new", KbErrorText.Describe(new KbError("articles[0]", "title", "something new")));
}
