using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Tests.Intents;

public sealed class IntentRecognizerTests
{
    private readonly IntentRecognizer _recognizer = new(BotPhrases.Load());

    [Theory]
    [InlineData("оператор", CitizenIntent.Operator)]
    [InlineData("Соедините с оператором!", CitizenIntent.Operator)]
    [InlineData("живой человек", CitizenIntent.Operator)]
    [InlineData("Позовите человека, пожалуйста", CitizenIntent.Operator)]
    [InlineData("ты тупой бот, дай живого человека", CitizenIntent.Operator)]
    [InlineData("ты живой человек или робот?", CitizenIntent.SmallTalk)]
    [InlineData("вы человек или бот", CitizenIntent.SmallTalk)]
    [InlineData("ты робот или живой человек?", CitizenIntent.SmallTalk)]
    [InlineData("нужен живой человек", CitizenIntent.Operator)]
    [InlineData("Вопрос решён", CitizenIntent.Resolved)]
    [InlineData("вопрос решен, спасибо", CitizenIntent.Resolved)]
    [InlineData("Помогло", CitizenIntent.Helped)]
    [InlineData("не помогло", CitizenIntent.NotHelped)]
    [InlineData("Не помогло.", CitizenIntent.NotHelped)]
    [InlineData("Написать обращение", CitizenIntent.WriteRequest)]
    [InlineData("отмена", CitizenIntent.Cancel)]
    [InlineData("как написать обращение в минздрав", CitizenIntent.None)]
    [InlineData("как записаться к узкому специалисту", CitizenIntent.None)]
    [InlineData("мне не помогло лекарство от давления", CitizenIntent.None)]
    [InlineData("Это не то", CitizenIntent.NotHelped)]
    [InlineData("ответ не помог", CitizenIntent.NotHelped)]
    [InlineData("ничего не понятно", CitizenIntent.NotHelped)]
    [InlineData("не понял", CitizenIntent.NotHelped)]
    [InlineData("вы не ответили на мой вопрос", CitizenIntent.NotHelped)]
    [InlineData("это не то, что я спрашивала", CitizenIntent.NotHelped)]
    [InlineData("ну и толку от тебя", CitizenIntent.NotHelped)]
    [InlineData("непонятно", CitizenIntent.NotHelped)]
    [InlineData("Нет, не помогло", CitizenIntent.NotHelped)]
    [InlineData("к сожалению, не помогло", CitizenIntent.NotHelped)]
    [InlineData("не понятно как получить полис", CitizenIntent.None)]
    [InlineData("а если врач не ответил на обращение", CitizenIntent.None)]
    [InlineData("понятно", CitizenIntent.SmallTalk)]
    [InlineData("ghbdtn", CitizenIntent.SmallTalk)]
    [InlineData("cgfcb,j", CitizenIntent.SmallTalk)]
    [InlineData("jgthfnjh", CitizenIntent.Operator)]
    [InlineData("ok", CitizenIntent.SmallTalk)]
    [InlineData("covid", CitizenIntent.None)]
    [InlineData("👍", CitizenIntent.SmallTalk)]
    [InlineData("👍🏽👍🏽", CitizenIntent.SmallTalk)]
    [InlineData("🙏 ❤️", CitizenIntent.SmallTalk)]
    [InlineData("😡", CitizenIntent.None)]
    [InlineData("👍 а полис?", CitizenIntent.None)]
    public void Typed_phrases_are_read_as_the_buttons_they_stand_for(string text, CitizenIntent intent) =>
        Assert.Equal(intent, _recognizer.Recognize(Message(text)).Kind);

    [Theory]
    [InlineData("👍", SmallTalkKind.Acknowledge)]
    [InlineData("👌🏻", SmallTalkKind.Acknowledge)]
    [InlineData("🙏🙏🙏", SmallTalkKind.Thanks)]
    [InlineData("спасибо 🙏", SmallTalkKind.Thanks)]
    [InlineData("👍!", SmallTalkKind.Acknowledge)]
    [InlineData("🙏)", SmallTalkKind.Thanks)]
    [InlineData("👍🙏", SmallTalkKind.Thanks)]
    public void Emoji_that_say_thanks_or_ok_are_small_talk(string text, SmallTalkKind kind) =>
        Assert.Equal(kind, _recognizer.Recognize(Message(text)).SmallTalk);

    [Theory]
    [InlineData("helped", CitizenIntent.Helped)]
    [InlineData("not-helped", CitizenIntent.NotHelped)]
    [InlineData("operator", CitizenIntent.Operator)]
    [InlineData("write-request", CitizenIntent.WriteRequest)]
    [InlineData("resolved", CitizenIntent.Resolved)]
    [InlineData("cancel", CitizenIntent.Cancel)]
    public void Button_payloads_are_read_whatever_the_title(string payload, CitizenIntent intent) =>
        Assert.Equal(intent, _recognizer.Recognize(Message("что угодно") with { Type = ActivityType.Button, Payload = payload }).Kind);

    [Fact]
    public void Article_choices_and_scores_carry_their_argument()
    {
        var article = _recognizer.Recognize(Message(null) with { Type = ActivityType.Button, Payload = ButtonPayloads.Article("oms-get-policy") });
        Assert.Equal(new RecognizedIntent(CitizenIntent.ChooseArticle, "oms-get-policy"), article);

        Assert.Equal(4, _recognizer.Recognize(Message(null) with { Type = ActivityType.Button, Payload = ButtonPayloads.Rate(4) }).Score);
        Assert.Equal(5, _recognizer.Recognize(Message(null) with { Type = ActivityType.Rating, Rating = 5 }).Score);
        Assert.Null(_recognizer.Recognize(Message(null) with { Type = ActivityType.Rating, Rating = 6 }).Score);
        Assert.Equal(3, _recognizer.Recognize(Message(" 3 ")).Score);
        Assert.Null(_recognizer.Recognize(Message("35")).Score);
    }

    [Theory]
    [InlineData("у деда сердце прихватило, куда звонить срочно??", Urgency.Emergency)]
    [InlineData("ребёнок не дышит что делать", Urgency.Emergency)]
    [InlineData("маме плохо, потеряла сознание", Urgency.Emergency)]
    [InlineData("сын пишет, что жить не хочет", Urgency.Crisis)]
    [InlineData("не хочу жить. с кем поговорить", Urgency.Crisis)]
    [InlineData("муж говорит что покончит с собой", Urgency.Crisis)]
    [InlineData("не хочу больше жить", Urgency.Crisis)]
    [InlineData("хочу умереть", Urgency.Crisis)]
    [InlineData("мама говорит что не хочет больше жить", Urgency.Crisis)]
    [InlineData("зачем мне жить дальше", Urgency.Crisis)]
    [InlineData("мне очень плохо", Urgency.Emergency)]
    [InlineData("выпила много таблеток снотворного", Urgency.Crisis)]
    [InlineData("хочу порезать вены", Urgency.Crisis)]
    [InlineData("у мамы судороги", Urgency.Emergency)]
    [InlineData("у ребенка температура 39 и судороги", Urgency.Emergency)]
    [InlineData("у отца инсульт, лицо перекосило", Urgency.Emergency)]
    [InlineData("давление 200 голова раскалывается", Urgency.Emergency)]
    [InlineData("меня избивает муж", Urgency.Emergency)]
    [InlineData("судороги в ногах по ночам, к какому врачу", null)]
    [InlineData("давление 120 на 80 это нормально?", null)]
    [InlineData("мужу стало плохо на улице", Urgency.Emergency)]
    [InlineData("мне плохо объяснили в регистратуре, как записаться", null)]
    [InlineData("стало плохо слышно на одно ухо, к какому врачу", null)]
    [InlineData("чуть не умер со смеху, а если серьёзно: как получить полис", null)]
    [InlineData("кашляет уже неделю, дышит с хрипами", null)]
    [InlineData("сын уже неделю просыпается ночью", null)]
    [InlineData("ребёнок не дышит носом, к лору", null)]
    [InlineData("бабушка не хочет жить в доме престарелых", null)]
    [InlineData("мама хочет умереть дома, как оформить паллиативную помощь", null)]
    [InlineData("папа не хочет умереть в больнице", null)]
    [InlineData("стало плохо видеть, как записаться к окулисту", null)]
    [InlineData("стало плохо слышать на левое ухо", null)]
    [InlineData("мне очень плохо помогли в поликлинике", null)]
    [InlineData("мама не хочет жить одна, как оформить сиделку", null)]
    [InlineData("папа перенёс инфаркт, куда на реабилитацию", null)]
    [InlineData("", null)]
    public void Danger_now_is_told_from_words_that_only_look_like_it(string text, Urgency? urgency) =>
        Assert.Equal(urgency, _recognizer.UrgencyOf(text));

    private static Activity Message(string? text) => new() { Channel = "web", UserId = "u", Type = ActivityType.Message, Text = text };
}
