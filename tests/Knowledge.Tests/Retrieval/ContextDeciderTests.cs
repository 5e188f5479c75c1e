using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Knowledge.Tests.Retrieval;

public sealed class ContextDeciderTests
{
    [Theory]
    [InlineData("а ещё у меня зубов почти не осталось, что мне положено?", true)]
    [InlineData("и еще, где заявить отказ от донорства органов", true)]
    [InlineData("ещё вопрос: как проверить аккредитацию врача", true)]
    [InlineData("а вот еще вопрос, где сделать прививку", true)]
    [InlineData("а вот и ещё вопрос: где сделать прививку", true)]
    [InlineData("Кстати, диспансеризация в каком возрасте?", true)]
    [InlineData("а также если у меня инвалидность второй группы?", false)]
    [InlineData("а если ещё и инвалидность есть?", false)]
    [InlineData("а где его взять?", false)]
    [InlineData("как получить полис, и ещё больничный", false)]
    public void A_message_that_opens_by_announcing_one_more_question_is_told_apart(string message, bool another) =>
        Assert.Equal(another, ContextDecider.OpensWithAnotherQuestion(message));

    [Theory]
    [InlineData("а ещё у меня зубов почти не осталось, что положено пенсионерке", 4, false)]
    [InlineData("а ещё где его можно получить бесплатно", 3, true)]
    [InlineData("а ещё что взять", 1, true)]
    [InlineData("а если у меня нет прописки в этом городе", 3, true)]
    [InlineData("а также если у меня инвалидность второй группы", 3, true)]
    [InlineData("как оформить больничный по уходу за ребёнком", 4, false)]
    public void Whether_a_message_refers_back_to_the_last_answer(string message, int terms, bool refersBack)
    {
        var analyzed = new AnalyzedText(message, [.. Enumerable.Range(0, terms).Select(i => new WeightedTerm("t" + i, 1f))], [], []);
        Assert.Equal(refersBack, ContextDecider.RefersBack(message, analyzed));
    }
}
