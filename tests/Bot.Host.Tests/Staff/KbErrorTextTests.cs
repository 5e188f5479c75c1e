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
    public void Errors_read_in_Russian_with_positions_from_one(string position, string field, string message, string shown) =>
        Assert.Equal(shown, KbErrorText.Describe(new KbError(position, field, message)));

    [Fact]
    public void A_message_the_table_does_not_know_is_shown_as_it_is() =>
        Assert.EndsWith("something new", KbErrorText.Describe(new KbError("articles[0]", "title", "something new")));
}
