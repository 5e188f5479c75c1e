using Assistant.Knowledge.Model;
using System.Text;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Import;

public sealed class KbCsvFormatTests
{
    private const string Header = "life_situation_id,life_situation_title,article_id,segments,title,question,answer,sources,handoff_group,status";

    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    public void The_seed_KB_survives_a_spreadsheet_round_trip(char delimiter)
    {
        var seed = SeedKnowledgeBase.Load();

        var parsed = KbCsvFormat.Parse(KbCsvFormat.Write(seed, delimiter), delimiter);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        KbAssert.SameContent(seed, parsed.KnowledgeBase!);
    }

    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    public void Quotes_commas_line_breaks_drafts_and_KB_synonyms_survive_a_round_trip(char delimiter)
    {
        var kb = SampleKb.Create();

        var parsed = KbCsvFormat.Parse(KbCsvFormat.Write(kb, delimiter), delimiter);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        KbAssert.SameContent(kb, parsed.KnowledgeBase!);
    }

    [Fact]
    public void Each_curated_question_is_its_own_row()
    {
        var kb = SampleKb.Create();

        var (rows, error) = CsvTable.Read(KbCsvFormat.Write(kb, ','), ',');

        Assert.Null(error);
        var questionRows = rows.Skip(1).Count(r => r.Cells[2] != KbCsvFormat.SynonymsRow);
        Assert.Equal(kb.Articles.Sum(a => a.Questions.Count), questionRows);
    }

    [Theory]
    [InlineData("kb.tsv", '\t')]
    [InlineData("KB.TSV", '\t')]
    [InlineData("kb.csv", ',')]
    public void The_delimiter_follows_the_file_extension(string path, char expected)
    {
        Assert.Equal(expected, KbCsvFormat.DelimiterFor(path));
    }

    [Fact]
    public void A_spreadsheet_saved_with_a_byte_order_mark_and_upper_case_headers_is_read()
    {
        var csv = "\uFEFF" + Header.ToUpperInvariant() + "\r\n" +
                  "oms-policy,Полис ОМС,oms-get-policy,citizen,Как получить полис ОМС,Как получить полис?,В страховой компании.,,,\r\n";

        var parsed = KbCsvFormat.Parse(csv, ',');

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal("oms-get-policy", Assert.Single(parsed.KnowledgeBase!.Articles).Id);
    }

    [Fact]
    public void A_source_may_end_with_its_date_and_a_date_that_is_not_one_is_an_error_with_its_line()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Как получить полис ОМС,Как получить полис?,В страховой компании.,\"Закон | ОМС | https://www.ffoms.gov.ru/ | 2024-03-01\nФФОМС | https://www.ffoms.gov.ru/\",,");

        var parsed = KbCsvFormat.Parse(csv, ',');
        var broken = KbCsvFormat.Parse(Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Как получить полис ОМС,Как получить полис?,В страховой компании.,ФФОМС | https://www.ffoms.gov.ru/ | 2024-13-45,,"), ',');

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var sources = Assert.Single(parsed.KnowledgeBase!.Articles).Sources;
        Assert.Equal(new ArticleSource("Закон | ОМС", "https://www.ffoms.gov.ru/", new DateOnly(2024, 3, 1)), sources[0]);
        Assert.Equal(new ArticleSource("ФФОМС", "https://www.ffoms.gov.ru/"), sources[1]);
        Assert.Contains(broken.Errors, e => e.Position == "line 2" && e.Field == "sources" && e.Message.Contains("2024-13-45"));
    }

    [Fact]
    public void Article_columns_may_be_left_empty_after_the_first_row()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Как получить полис ОМС,Как получить полис?,В страховой компании.,,oms,",
            ",,oms-get-policy,,,Где оформить медицинский полис?,,,,",
            "oms-policy,,oms-get-policy,,,где взять полис омс,,,,");

        var parsed = KbCsvFormat.Parse(csv, ',');

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var article = Assert.Single(parsed.KnowledgeBase!.Articles);
        Assert.Equal(["Как получить полис?", "Где оформить медицинский полис?", "где взять полис омс"], article.Questions);
        Assert.Equal("oms", article.HandoffGroup);
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_it_starts_on()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,,,",
            "oms-policy,,oms-get-policy,,,\"Где оформить полис?,,,,,",
            "oms-policy,,oms-get-policy,,,где взять полис омс,,,,");

        var parsed = KbCsvFormat.Parse(csv, ',');

        Assert.False(parsed.IsValid);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("line 3", error.Position);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Missing_header_columns_are_listed()
    {
        const string csv = "life_situation_id,article_id,title,question\r\noms-policy,oms-get-policy,Полис,Как получить полис?\r\n";

        var parsed = KbCsvFormat.Parse(csv, ',');

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("line 1", error.Position);
        Assert.Equal("header", error.Field);
        Assert.Contains("life_situation_title", error.Message);
        Assert.Contains("answer", error.Message);
        Assert.Contains("segments", error.Message);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var error = Assert.Single(KbCsvFormat.Parse("", ',').Errors);

        Assert.Equal("line 1", error.Position);
    }

    [Fact]
    public void Two_rows_giving_an_article_different_values_are_both_named()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Как получить полис ОМС,Как получить полис?,В страховой компании.,,,",
            "oms-policy,,oms-get-policy,,Как получить полис ОМС,Где оформить полис?,,,,",
            "oms-policy,,oms-get-policy,,Оформление полиса,где взять полис омс,,,,");

        var parsed = KbCsvFormat.Parse(csv, ',');

        Assert.False(parsed.IsValid);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("line 4", error.Position);
        Assert.Equal("title", error.Field);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Two_titles_for_one_life_situation_are_reported()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,,,",
            "oms-policy,Полисы,oms-replace-policy,citizen,Замена полиса,Потерял полис,В своей страховой.,,,");

        var error = Assert.Single(KbCsvFormat.Parse(csv, ',').Errors);

        Assert.Equal("line 3", error.Position);
        Assert.Equal("life_situation_title", error.Field);
    }

    [Fact]
    public void Several_row_problems_are_all_reported_with_their_lines()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,,,",
            "oms-policy,,,,,Вопрос без статьи,,,,",
            "oms-policy,,oms-get-policy,,Другой заголовок,Где оформить полис?,,,,",
            "oms-policy,,oms-get-policy,,,Лишняя ячейка,,,,,,");

        var errors = KbCsvFormat.Parse(csv, ',').Errors;

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Position == "line 3" && e.Field == "article_id");
        Assert.Contains(errors, e => e.Position == "line 4" && e.Field == "title");
        Assert.Contains(errors, e => e.Position == "line 5" && e.Field == "row");
    }

    [Fact]
    public void A_source_without_a_bar_between_title_and_url_is_named()
    {
        var csv = Csv("oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,Госуслуги https://www.gosuslugi.ru/,,");

        var error = Assert.Single(KbCsvFormat.Parse(csv, ',').Errors);

        Assert.Equal("line 2", error.Position);
        Assert.Equal("sources", error.Field);
    }

    [Fact]
    public void Content_rule_breaks_point_at_the_articles_first_line()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,,,",
            "oms-policy,,oms-get-policy,,,Где оформить полис?,,,,",
            "oms-policy,,sick-leave-payment,пенсионер,Оплата больничного,Кто оплачивает больничный?,Работодатель и СФР.,Соцфонд | sfr.gov.ru,,");

        var errors = KbCsvFormat.Parse(csv, ',').Errors;

        Assert.Contains(errors, e => e.Position == "line 4" && e.Field == "segments");
        Assert.Contains(errors, e => e.Position == "line 4" && e.Field == "sources[0].url");
    }

    [Fact]
    public void A_row_error_and_a_content_error_are_reported_together()
    {
        var csv = Csv(
            "oms-policy,Полис ОМС,oms-get-policy,citizen,Полис,Как получить полис?,В страховой компании.,ФФОМС | https://www.ffoms.gov.ru/ | 2026-02-31,,",
            "oms-policy,,oms-replace-policy,citizen,,Потерял полис,В своей страховой.,,,",
            "clinic,,oms-clinic,citizen,Поликлиника,Где поликлиника,По месту жительства.,,,");

        var errors = KbCsvFormat.Parse(csv, ',').Errors;

        Assert.Equal(
            [("line 2", "sources"), ("line 3", "title")],
            errors.Where(e => e.Position.StartsWith("line", StringComparison.Ordinal)).Select(e => (e.Position, e.Field)).ToList());
        // The situation without a title is named once, not again at each of its articles.
        Assert.Single(errors, e => e.Message.Contains("clinic", StringComparison.Ordinal));
    }

    private static string Csv(params string[] rows)
    {
        var sb = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            sb.Append(row).Append("\r\n");
        }

        return sb.ToString();
    }
}
