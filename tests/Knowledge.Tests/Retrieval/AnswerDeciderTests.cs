using Assistant.Knowledge.Retrieval;

namespace Assistant.Knowledge.Tests.Retrieval;

/// <summary>Hand-made rankings against explicit thresholds, so the tests hold whatever the tuned defaults are.</summary>
public sealed class AnswerDeciderTests
{
    private static readonly RetrievalOptions Options = new()
    {
        AnswerThreshold = 0.6f,
        AnswerMargin = 0.1f,
        ClarifyThreshold = 0.3f,
        ClarifyWindow = 0.15f,
        MaxClarifyOptions = 3,
    };

    [Fact]
    public void A_clear_leader_above_the_answer_threshold_is_answered_alone()
    {
        var (decision, chosen, reason) = AnswerDecider.Decide(Ranked(("oms-get-policy", 0.9f), ("oms-replace-policy", 0.5f), ("oms-digital-policy", 0.4f)), Options);

        Assert.Equal(Decision.Answer, decision);
        Assert.Equal("oms-get-policy", Assert.Single(chosen).ArticleId);
        Assert.StartsWith("answer", reason);
    }

    [Fact]
    public void A_single_strong_candidate_is_answered()
    {
        var (decision, chosen, _) = AnswerDecider.Decide(Ranked(("doctor-home-visit", 0.8f)), Options);

        Assert.Equal(Decision.Answer, decision);
        Assert.Equal("doctor-home-visit", Assert.Single(chosen).ArticleId);
    }

    [Fact]
    public void Two_close_candidates_above_the_threshold_are_both_offered()
    {
        var (decision, chosen, reason) = AnswerDecider.Decide(Ranked(("sick-leave-get", 0.82f), ("sick-leave-payment", 0.79f), ("vaccine-flu", 0.2f)), Options);

        Assert.Equal(Decision.Clarify, decision);
        Assert.InRange(chosen.Count, 2, 3);
        Assert.Equal(["sick-leave-get", "sick-leave-payment"], chosen.Take(2).Select(c => c.ArticleId));
        Assert.DoesNotContain(chosen, c => c.ArticleId == "vaccine-flu");
        Assert.StartsWith("clarify", reason);
    }

    [Fact]
    public void No_more_options_are_offered_than_configured()
    {
        var ranked = Ranked(("appointment-phone", 0.88f), ("appointment-specialist", 0.87f), ("appointment-online", 0.86f), ("doctor-home-visit", 0.85f));

        var (decision, chosen, _) = AnswerDecider.Decide(ranked, Options);

        Assert.Equal(Decision.Clarify, decision);
        Assert.Equal(["appointment-phone", "appointment-specialist", "appointment-online"], chosen.Select(c => c.ArticleId));
    }

    [Fact]
    public void Options_far_behind_the_leader_are_not_offered()
    {
        var (decision, chosen, _) = AnswerDecider.Decide(Ranked(("license-medical", 0.7f), ("license-amend", 0.65f), ("license-pharma", 0.4f)), Options);

        Assert.Equal(Decision.Clarify, decision);
        Assert.Equal(["license-medical", "license-amend"], chosen.Select(c => c.ArticleId));
    }

    [Fact]
    public void A_middling_top_score_asks_rather_than_answers()
    {
        var (decision, chosen, _) = AnswerDecider.Decide(Ranked(("records-certificates", 0.5f), ("sanatorium-070", 0.2f)), Options);

        Assert.Equal(Decision.Clarify, decision);
        Assert.Equal("records-certificates", chosen[0].ArticleId);
    }

    [Fact]
    public void A_weak_top_score_falls_back_with_nothing_chosen()
    {
        var (decision, chosen, reason) = AnswerDecider.Decide(Ranked(("checkup-day-off", 0.2f), ("accr-result", 0.1f)), Options);

        Assert.Equal(Decision.Fallback, decision);
        Assert.Empty(chosen);
        Assert.StartsWith("fallback", reason);
    }

    [Fact]
    public void No_candidates_fall_back()
    {
        var (decision, chosen, reason) = AnswerDecider.Decide([], Options);

        Assert.Equal(Decision.Fallback, decision);
        Assert.Empty(chosen);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void The_same_ranking_is_answered_or_not_depending_only_on_the_options()
    {
        var ranked = Ranked(("oms-get-policy", 0.7f), ("oms-replace-policy", 0.55f));

        Assert.Equal(Decision.Answer, AnswerDecider.Decide(ranked, Options).Decision);
        Assert.Equal(Decision.Clarify, AnswerDecider.Decide(ranked, new RetrievalOptions { AnswerThreshold = 0.6f, AnswerMargin = 0.2f, ClarifyThreshold = 0.3f }).Decision);
        Assert.Equal(Decision.Fallback, AnswerDecider.Decide(ranked, new RetrievalOptions { AnswerThreshold = 0.9f, AnswerMargin = 0.1f, ClarifyThreshold = 0.8f }).Decision);
    }

    private static List<Candidate> Ranked(params (string Id, float Score)[] items) =>
        items.Select(i => new Candidate(i.Id, "Статья " + i.Id, "life-situation", i.Score, i.Score, i.Score, 0f, 0f, "вопрос")).ToList();
}
