using Assistant.Knowledge.Retrieval;

namespace Assistant.Knowledge.Tests.Retrieval;

public sealed class ContextDeciderTests
{
    [Theory]
    [InlineData("а ещё у меня зубов почти не осталось, что мне положено?", true)]
    [InlineData("и еще, где заявить отказ от донорства органов", true)]
    [InlineData("ещё вопрос: как проверить аккредитацию врача", true)]
    [InlineData("а вот еще вопрос, где сделать прививку", true)]
    [InlineData("Кстати, диспансеризация в каком возрасте?", true)]
    [InlineData("а если ещё и инвалидность есть?", false)]
    [InlineData("а где его взять?", false)]
    [InlineData("как получить полис, и ещё больничный", false)]
    public void A_message_that_opens_by_announcing_one_more_question_is_told_apart(string message, bool another) =>
        Assert.Equal(another, ContextDecider.OpensWithAnotherQuestion(message));
}
