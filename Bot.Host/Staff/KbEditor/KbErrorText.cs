using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Knowledge.Import;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// A KB error as a moderator reads it in the console: in Russian, with the form's field names and positions counted from 1
/// («Статья 4, «Заголовок»: обязательно»). The CLI and the API keep the validator's own words (a documented contract); a message
/// this table does not know is shown as it is.
/// </summary>
public static partial class KbErrorText
{
    public static string Describe(KbError error)
    {
        var what = Message(error.Message);
        if (error.Field is "file" or "файл" && error.Position is not ("$" or ""))
        {
            // The position of a file-level error is the file itself: its name as the moderator chose it, not a path of the server's.
            return $"Файл «{System.IO.Path.GetFileName(error.Position)}»: {what}";
        }

        var where = Position(error.Position);
        var field = Field(error.Field);
        return where.Length == 0 || string.Equals(where.Trim('«', '»'), field.Trim('«', '»'), StringComparison.OrdinalIgnoreCase)
            ? $"{Capitalise(field)}: {what}" : $"{where}, {field}: {what}";
    }

    /// <summary>The form field an error is about, for marking it invalid in the editor; null when none of the form's.</summary>
    public static string? FormField(KbError error) => error.Field switch
    {
        "title" => "title",
        "id" => "id",
        "answer" => "answer",
        "lifeSituation" => "situation",
        "segments" => "segments",
        var f when f.StartsWith("questions", StringComparison.Ordinal) => "questions",
        var f when f.StartsWith("sources", StringComparison.Ordinal) => "sources",
        _ => null,
    };

    private static string Position(string position)
    {
        if (position is "$" or "")
        {
            return "Файл";
        }

        var line = LinePosition().Match(position);
        if (line.Success)
        {
            return line.Groups[2].Success ? $"Строка {line.Groups[1].Value}, позиция {line.Groups[2].Value}" : $"Строка {line.Groups[1].Value}";
        }

        if (!IsPath(position))
        {
            return position;
        }

        // «articles[1].sources[0]» → «Статья 2, источник 1»; a part without an index is a field («articles» → «статьи»).
        var parts = position.Split('.').Select(part => Indexed().Match(part) is { Success: true } m && m.Length == part.Length
            ? $"{ItemName(m.Groups[1].Value)} {Next(m.Groups[2].Value)}"
            : FieldName(part).Trim('«', '»').ToLowerInvariant());
        return Capitalise(string.Join(", ", parts));
    }

    /// <summary>A position the KB's readers write: list items and fields («articles[3]», «articles[1].sources[0]», «articles»).</summary>
    private static bool IsPath(string position) => PathPosition().IsMatch(position);

    private static string Field(string field)
    {
        var indexed = Indexed().Match(field);
        if (indexed.Success && indexed.Index == 0)
        {
            var rest = field[indexed.Length..].TrimStart('.');
            var item = $"{Capitalise(ItemName(indexed.Groups[1].Value))} {Next(indexed.Groups[2].Value)}";
            return rest.Length == 0 ? item : $"{item}: {FieldName(rest).ToLowerInvariant()}";
        }

        return FieldName(field);
    }

    private static string FieldName(string field) => field switch
    {
        "title" => "«Заголовок»",
        "id" => "«Идентификатор»",
        "answer" => "«Ответ»",
        "questions" => "«Формулировки вопроса»",
        "lifeSituation" => "«Жизненная ситуация»",
        "segments" => "«Для кого»",
        "sources" => "«Источники»",
        "url" => "адрес",
        "date" => "дата",
        "status" => "«Статус»",
        "version" => "«Версия»",
        "updatedAt" => "дата изменения",
        "handoffGroup" => "«Группа специалистов для передачи»",
        "synonyms" => "синонимы",
        "article" => "статья",
        "articles" => "статьи",
        "lifeSituations" => "жизненные ситуации",
        "json" => "файл JSON",
        "csv" => "файл CSV",
        "header" => "строка заголовков",
        "row" => "строка",
        "file" => "файл",
        "life_situation_id" => "код жизненной ситуации",
        "life_situation_title" => "название жизненной ситуации",
        "article_id" => "код статьи",
        "question" => "формулировка",
        "handoff_group" => "«Группа специалистов для передачи»",
        _ => field,
    };

    private static string ItemName(string list) => list switch
    {
        "articles" => "статья",
        "lifeSituations" => "жизненная ситуация",
        "synonyms" => "группа синонимов",
        "sources" => "источник",
        "questions" => "формулировка",
        "segments" => "категория",
        _ => list,
    };

    private static readonly (Regex English, string Russian)[] Messages =
    [
        (new(@"^is required$"), "обязательно"),
        (new(@"^(?:life situation|article) id '(.*)' is used twice$"), "идентификатор «$1» встречается дважды"),
        (new(@"^the KB has no articles$"), "в базе нет ни одной статьи"),
        (new(@"^'(.*)' is not one of the life situations$"), "«$1» нет среди жизненных ситуаций"),
        (new(@"^is (\d+) characters long; keep answers under (\d+)$"), "длина $1 символов; ответ должен быть короче $2"),
        (new(@"^needs at least one question$"), "нужна хотя бы одна формулировка"),
        (new(@"^is empty$"), "пусто"),
        (new(@"^the article is version (\d+) now, not (\d+): it was changed since it was opened$"),
            "статью изменили, пока она была открыта у вас (сейчас версия $1, открыта была $2); ничего не сохранено"),
        (new(@"^is null: give a list or leave it out$"), "null: укажите список или уберите поле"),
        (new(@"^is null$"), "null: укажите значение"),
        (new(@"^is longer than (\d+) characters$"), "длиннее $1 символов"),
        (new(@"^'(.*)' is not one of citizen, business, medic$"), "«$1» — не категория (citizen, business или medic)"),
        (new(@"^'(.*)' is not an http\(s\) address$"), "«$1» — не адрес вида https://…"),
        (new(@"^a synonym group needs at least two words or phrases$"), "в группе синонимов нужно хотя бы два слова или фразы"),
        (new(@"^'(.*)' must be up to 100 characters without spaces$"), "«$1»: до 100 символов, без пробелов"),
        (new(@"^the file is not valid JSON\b.*$"), "файл не является корректным JSON: проверьте запятые, кавычки и скобки в этом месте"),
        (new(@"^the file must hold one JSON object with lifeSituations and articles$"), "файл должен содержать один объект JSON с lifeSituations и articles"),
        (new(@"^each article must be a JSON object$"), "каждая статья должна быть объектом JSON"),
        (new(@"^'(.*)' must be draft or published$"), "«$1»: допустимо draft или published"),
        (new(@"^must be a whole number from 1$"), "должно быть целым числом от 1"),
        (new(@"^must be an ISO 8601 date and time$"), "должна быть датой и временем ISO 8601"),
        (new(@"^must be an array$"), "должно быть списком"),
        (new(@"^the item must be a JSON object$"), "элемент должен быть объектом JSON"),
        (new(@"^must be a string$"), "должно быть строкой"),
        (new(@"^must be an array of strings$"), "должно быть списком строк"),
        (new(@"^a quoted cell is never closed$"), "кавычка, открытая в ячейке, не закрыта"),
        (new(@"^the file is empty$"), "файл пуст"),
        (new(@"^missing columns: (.*)$"), "нет столбцов: $1"),
        (new(@"^has (\d+) cells, the header has (\d+)$"), "ячеек $1, а в строке заголовков $2"),
        (new(@"^'(.*)' differs from '(.*)' given earlier for '(.*)'$"), "«$1» не совпадает с «$2», указанным раньше для «$3»"),
        (new(@"^no row gives a title for life situation '(.*)'$"), "ни одна строка не задаёт название ситуации «$1»"),
        (new(@"^differs from the value given on line (\d+) for article '(.*)'$"), "не совпадает со значением в строке $1 для статьи «$2»"),
        (new(@"^'(.*)' must be written as «title \| url»$"), "«$1»: пишите как «название | адрес»"),
        (new(@"^'(.*)' must be written as «title \| url \| date»$"), "«$1»: пишите как «название | адрес | ГГГГ-ММ-ДД»"),
        (new(@"^no such file$"), "файл не найден"),
        (new(@"^'(.*)' is not a date written as yyyy-MM-dd$"), "«$1» — не дата в виде ГГГГ-ММ-ДД (например, 2026-02-28)"),
        (new(@"^each synonym group must be an array of strings$"), "группа синонимов должна быть списком строк"),
        (new(@"^unknown extension '(.*)': use \.json, \.csv or \.tsv$"), "расширение «$1» не поддерживается: нужен .json, .csv или .tsv"),
    ];

    private static string Message(string message)
    {
        foreach (var (english, russian) in Messages)
        {
            if (english.IsMatch(message))
            {
                return english.Replace(message, russian);
            }
        }

        return message;
    }

    private static string Next(string index) =>
        (int.Parse(index, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^line (\d+)(?:, position (\d+))?$")]
    private static partial Regex LinePosition();

    [GeneratedRegex(@"([A-Za-z]+)\[(\d+)\]")]
    private static partial Regex Indexed();

    [GeneratedRegex(@"^[A-Za-z_]+(\[\d+\])?(\.[A-Za-z_]+(\[\d+\])?)*$")]
    private static partial Regex PathPosition();
}
