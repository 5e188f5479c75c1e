using Assistant.Bot.Host.Staff.KbEditor;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The details the KB editor and the inbox write to the audit log, as the audit page can show them in Russian.</summary>
public sealed class KbAuditTextTests
{
    [Theory]
    [InlineData("kb-article-saved", "parking-pass v3", "статья parking-pass, версия 3")]
    [InlineData("kb-article-created", "parking-pass v1", "статья parking-pass, версия 1")]
    [InlineData("kb-article-published", "parking-pass v4", "статья parking-pass, версия 4")]
    [InlineData("kb-article-unpublished", "parking-pass v5", "статья parking-pass, версия 5")]
    [InlineData("kb-article-rollback", "parking-pass to v2", "статья parking-pass: возвращено содержание версии 2")]
    [InlineData("kb-draft-saved", "parking-pass over v3", "статья parking-pass: черновик, опубликована версия 3")]
    [InlineData("kb-draft-discarded", "parking-pass", "статья parking-pass")]
    [InlineData("kb-situation-saved", "clinic-parking", "ситуация clinic-parking")]
    [InlineData("kb-imported", "kb.json: 120 articles", "файл «kb.json»: статей 120")]
    [InlineData("inbox-attach", "2 questions, 1 phrasings to article parking-pass", "вопросов 2, формулировок добавлено 1 к статье parking-pass")]
    [InlineData("inbox-dismiss", "3 questions", "вопросов 3")]
    public void The_KB_audit_details_read_in_Russian(string action, string details, string shown) =>
        Assert.Equal(shown, KbAuditText.Details(action, details));

    [Fact]
    public void Details_of_another_action_or_form_are_left_to_the_caller()
    {
        Assert.Null(KbAuditText.Details("sign-in", "sso"));
        Assert.Null(KbAuditText.Details("kb-article-saved", "something else"));
    }
}
