using Assistant.Evals;

namespace Assistant.Knowledge.Tests.Evals;

public sealed class EvalMetricsTests
{
    /// <summary>
    /// Seven in-scope questions and four out-of-scope ones (expected null), with the decision taken and the expected article's rank.
    /// </summary>
    private static readonly EvalOutcome[] Outcomes =
    [
        Outcome("как получить полис омс", "oms-get-policy", "answer", "oms-get-policy", rank: 1),
        Outcome("больничный", "sick-leave-get", "clarify", null, rank: 2),
        Outcome("потерял полис", "oms-replace-policy", "answer", "oms-get-policy", rank: 3), // wrong answer
        Outcome("вызвать врача домой", "doctor-home-visit", "fallback", null, rank: 1), // ranked first, still fell back
        Outcome("справка в бассейн", "records-certificates", "clarify", null, rank: 4),
        Outcome("квота на эко", "maternity-ivf", "fallback", null, rank: 0),
        Outcome("зубы по омс", "dental-free", "fallback", null, rank: 0),
        Outcome("курс доллара", null, "fallback", null, rank: 0),
        Outcome("расскажи анекдот", null, "answer", "oms-get-policy", rank: 0), // any answer out of scope is wrong
        Outcome("погода в москве", null, "fallback", null, rank: 0),
        Outcome("как дела", null, "clarify", null, rank: 0),
    ];

    private readonly EvalMetrics _metrics = EvalMetrics.Compute(Outcomes);

    [Fact]
    public void Questions_are_counted_in_and_out_of_scope()
    {
        Assert.Equal(11, _metrics.Questions);
        Assert.Equal(7, _metrics.InScope);
        Assert.Equal(4, _metrics.OutOfScope);
    }

    [Fact]
    public void Top1_counts_in_scope_questions_ranked_first_whatever_the_decision()
    {
        Assert.Equal(2.0 / 7, _metrics.Top1, 9);
    }

    [Fact]
    public void Recall_at_3_counts_in_scope_questions_ranked_in_the_first_three()
    {
        Assert.Equal(4.0 / 7, _metrics.RecallAt3, 9);
    }

    [Fact]
    public void Mrr_averages_reciprocal_ranks_over_in_scope_questions()
    {
        Assert.Equal((1 + 1.0 / 2 + 1.0 / 3 + 1 + 1.0 / 4) / 7, _metrics.Mrr, 9);
    }

    [Fact]
    public void Wrong_answer_rate_is_over_all_questions_and_counts_answers_out_of_scope()
    {
        Assert.Equal(2.0 / 11, _metrics.WrongAnswerRate, 9);
    }

    [Fact]
    public void Clarify_and_fallback_rates_are_over_all_questions()
    {
        Assert.Equal(3.0 / 11, _metrics.ClarifyRate, 9);
        Assert.Equal(5.0 / 11, _metrics.FallbackRate, 9);
    }

    [Fact]
    public void Oos_recall_is_the_share_of_out_of_scope_questions_that_fell_back()
    {
        Assert.Equal(2.0 / 4, _metrics.OosRecall, 9);
    }

    [Fact]
    public void Oos_precision_is_the_share_of_fallbacks_that_were_out_of_scope()
    {
        Assert.Equal(2.0 / 5, _metrics.OosPrecision, 9);
    }

    [Fact]
    public void A_right_answer_to_an_in_scope_question_is_not_wrong()
    {
        var metrics = EvalMetrics.Compute([Outcome("как получить полис омс", "oms-get-policy", "answer", "oms-get-policy", rank: 1)]);

        Assert.Equal(0, metrics.WrongAnswerRate);
        Assert.Equal(1, metrics.Top1);
    }

    [Fact]
    public void Outcome_figures_say_what_the_citizen_got()
    {
        Assert.Equal(1.0 / 7, _metrics.AnsweredRight, 9);
        Assert.Equal(1.0 / 7, _metrics.AnsweredWrong, 9);
        Assert.Equal(1.0 / 7, _metrics.NoAnswerFirstRight, 9);
        Assert.Equal(1.0 / 4, _metrics.OosAnswered, 9);
    }

    [Fact]
    public void A_clarify_offering_the_expected_article_counts_as_offered_right()
    {
        var offered = new EvalOutcome(new EvalQuestion("больничный", "sick-leave-get"), "clarify", null, 2, ["sick-leave-payment", "sick-leave-get"], 1,
            Offered: ["sick-leave-payment", "sick-leave-get"]);
        var notOffered = new EvalOutcome(new EvalQuestion("справка", "records-certificates"), "clarify", null, 4, ["a", "b", "c", "records-certificates"], 1,
            Offered: ["a", "b", "c"]);

        var metrics = EvalMetrics.Compute([offered, notOffered, Outcome("как получить полис омс", "oms-get-policy", "answer", "oms-get-policy", rank: 1)]);

        Assert.Equal(1.0 / 3, metrics.AnsweredRight, 9);
        Assert.Equal(2.0 / 3, metrics.OfferedRight, 9);
    }

    [Fact]
    public void Figures_are_split_by_message_length()
    {
        var longMessage = new string('а', 151);
        var metrics = EvalMetrics.Compute([Outcome("полис", "oms-get-policy", "answer", "oms-get-policy", rank: 1), Outcome(longMessage, "oms-get-policy", "fallback", null, rank: 1)]);

        Assert.Equal(1, metrics.ByLength["short"].AnsweredRight);
        Assert.Equal(0, metrics.ByLength["medium"].Questions);
        Assert.Equal(1, metrics.ByLength["long"].NoAnswerFirstRight);
    }

    [Fact]
    public void Latency_figures_are_nearest_rank_percentiles()
    {
        var outcomes = Enumerable.Range(1, 10).Select(i => Outcome("полис", "oms-get-policy", "answer", "oms-get-policy", 1, latencyMs: i)).ToList();

        var metrics = EvalMetrics.Compute(outcomes);

        Assert.Equal(5, metrics.LatencyMs.P50);
        Assert.Equal(10, metrics.LatencyMs.P99);
    }

    [Fact]
    public void No_outcomes_give_zeros_rather_than_NaN()
    {
        var metrics = EvalMetrics.Compute([]);

        Assert.Equal(0, metrics.Questions);
        Assert.Equal(0, metrics.Top1);
        Assert.Equal(0, metrics.WrongAnswerRate);
        Assert.Equal(0, metrics.OosPrecision);
        Assert.Equal(0, metrics.OosRecall);
        Assert.Equal(0, metrics.LatencyMs.P99);
    }

    [Fact]
    public void A_set_without_out_of_scope_questions_has_zero_oos_figures()
    {
        var metrics = EvalMetrics.Compute(Outcomes.Where(o => o.Question.InScope).ToList());

        Assert.Equal(0, metrics.OutOfScope);
        Assert.Equal(0, metrics.OosRecall);
        Assert.Equal(0, metrics.OosPrecision);
        Assert.Equal(3.0 / 7, metrics.FallbackRate, 9);
    }

    private static EvalOutcome Outcome(string q, string? expected, string decision, string? answered, int rank, double latencyMs = 1) =>
        new(new EvalQuestion(q, expected), decision, answered, rank, rank > 0 ? Enumerable.Repeat("other", rank - 1).Append(expected!).ToList() : [], latencyMs);
}
