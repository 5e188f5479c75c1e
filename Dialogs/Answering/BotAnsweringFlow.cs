using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Templates;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Dialogs.Answering;

/// <summary>
/// The bot's part: answer from the KB (with the source and "did it help" buttons), ask which article was meant, or say plainly
/// that there is no answer and offer a person or a written request; hand over when asked, when the answer did not help,
/// after repeated fallbacks, or for sensitive topics.
/// </summary>
internal sealed class BotAnsweringFlow(DialogServices services, HandoffFlow handoff, WrittenRequestFlow requests, SmallTalkFlow smallTalkFlow)
{
    public async Task HandleAsync(TurnContext context, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var phrases = services.Phrases;
        var before = session.Conversation;

        // «Не помогает», «я не поняла» typed before the bot has shown anything are about something else (a medicine, a letter):
        // they are searched like any message. The button, and the same words after an answer or a list, mean «не помогло».
        if (intent.Kind == CitizenIntent.NotHelped && context.Activity.Type == ActivityType.Message
            && before.LastArticleId is null && before.LastReplyKind != MessageKind.Clarify)
        {
            intent = RecognizedIntent.None;
        }

        // «2», «вариант 2», «второе», «последний» after a list choose that article; the number after the last, or «другое», is the
        // list's «Другое»: a person. A number that is none of the choices hears the list again.
        if (before.LastReplyKind == MessageKind.Clarify && before.ClarifyArticleIds.Count > 0 && intent.Kind == CitizenIntent.None
            && context.Activity.Type == ActivityType.Message)
        {
            var choices = before.ClarifyArticleIds;
            var text = context.Activity.Text;
            var number = services.Intents.ChoosesLast(text) ? choices.Count : services.Intents.OptionNumber(text);
            if (number is > 0 && number <= choices.Count)
            {
                intent = new RecognizedIntent(CitizenIntent.ChooseArticle, choices[number.Value - 1]);
            }
            else if (number == choices.Count + 1 || services.Intents.ChoosesOther(text))
            {
                intent = new RecognizedIntent(CitizenIntent.Operator);
            }
            else if (number is not null)
            {
                session.Say(MessageKind.Clarify, phrases.ChooseFromList, ListButtons(choices));
                return;
            }
        }

        if (before.LastReplyKind == MessageKind.Clarify && intent.Kind is CitizenIntent.None or CitizenIntent.Operator)
        {
            // Asked which article was meant, the citizen chose none of them.
            await services.Unanswered.RecordAsync(before, Learning.UnansweredKind.ClarifyIgnored, before.LastQuestion, before.ClarifyArticleIds, null, cancellationToken);
        }

        switch (intent.Kind)
        {
            case CitizenIntent.Resolved:
                services.Closer.Close(session, CloseReason.Citizen);
                break;
            case CitizenIntent.Operator:
                await handoff.StartAsync(session, HandoffReason.Requested, null, cancellationToken);
                break;
            case CitizenIntent.NotHelped:
                await services.Unanswered.WithdrawChoiceAsync(before, cancellationToken);
                if (before.LastArticleId is { } notHelped)
                {
                    services.Statistics.NotHelped(session, notHelped);
                }

                await services.Unanswered.RecordAsync(before, Learning.UnansweredKind.NotHelped, before.LastQuestion,
                    before.LastArticleId is { } shown ? [shown] : [], before.LastArticleId, cancellationToken);
                await handoff.StartAsync(session, HandoffReason.NotHelped, null, cancellationToken);
                break;
            case CitizenIntent.Helped:
                session.Say(MessageKind.Notice, phrases.Helped, phrases.Buttons.ResolvedOnly());
                break;
            case CitizenIntent.WriteRequest:
                requests.Start(session);
                break;
            case CitizenIntent.ChooseArticle when services.Knowledge.FindArticle(intent.ArticleId!) is { } chosen:
                var fromList = before.LastReplyKind == MessageKind.Clarify && before.ClarifyArticleIds.Contains(chosen.Id);
                if (fromList)
                {
                    await services.Unanswered.RecordAsync(before, Learning.UnansweredKind.CitizenChoice, before.LastQuestion, before.ClarifyArticleIds, chosen.Id, cancellationToken);
                }

                // The list set the question asked about as the context; the answer keeps it.
                await AnswerAsync(session, chosen, cancellationToken, pickedFromList: fromList);
                break;
            case CitizenIntent.SmallTalk when intent.SmallTalk is { } smallTalk:
                smallTalkFlow.Reply(session, smallTalk);
                break;
            case CitizenIntent.None when context.Activity.Type == ActivityType.Message && InputText.HasWords(context.Activity.Text):
                if (InputText.HasWords(PersonalDataMasker.WithoutTokens(context.Activity.Text!)))
                {
                    await AskAsync(session, context.Activity.Text!, context.UrgentNoticeSaid, cancellationToken);
                }
                else
                {
                    // Only personal data (a phone number, a policy number): nothing to search, and none of it is needed.
                    session.Say(MessageKind.Notice, phrases.PersonalDataNotice + " " + phrases.AskInWords);
                }

                break;
            case CitizenIntent.None when context.Activity.Type == ActivityType.Message && !string.IsNullOrEmpty(context.Activity.Text):
                session.Say(MessageKind.Notice, phrases.AskInWords);
                break;
            default:
                context.Outcome = TurnOutcome.Ignored;
                break;
        }
    }

    private async Task AskAsync(ConversationSession session, string text, bool numbersSaid, CancellationToken cancellationToken)
    {
        var conversation = session.Conversation;
        // A message about danger now is about that, not a follow-up of the last answer: «не хочу жить» after an answer about the
        // policy must not be pointed back to it.
        var context = numbersSaid ? null : ContextOf(conversation);

        // The search reads the person's words, not the tokens masking put in place of their data.
        var searchable = PersonalDataMasker.WithoutTokens(text);
        var result = await services.Knowledge.AskAsync(new AskRequest(searchable, conversation.Segment, Context: context), cancellationToken);
        services.Logger.Decided(conversation.Id, result.Decision.ToString(), string.Join(",", result.Chosen.Select(c => c.ArticleId)), result.Reason);
        if (result.FollowsUp)
        {
            services.Logger.FollowedUp(conversation.Id, context?.ArticleId);
        }

        var lastReply = conversation.LastReplyKind;
        var listIgnored = lastReply == MessageKind.Clarify ? conversation.ClarifyArticleIds : [];
        var listShownInARow = lastReply == MessageKind.Clarify ? conversation.ClarifyShownInARow : 0;
        conversation = conversation with { LastQuestion = text, ClarifyArticleIds = [], ContextTurns = conversation.ContextTurns + 1 };
        session.Conversation = conversation;

        if (result.Repeats && lastReply == MessageKind.Answer && conversation.LastArticleId is { } shown)
        {
            await RepeatedAsync(session, result, shown, text, cancellationToken);
            return;
        }

        // A follow-up answered with its context carries the context on: «а ребёнку?» then «а через госуслуги?».
        var asked = result.FollowsUp && context is not null ? context.Question + " " + text : text;
        var chosen = result.Chosen.Select(c => services.Knowledge.FindArticle(c.ArticleId)).OfType<Article>().Take(3).ToList();
        var decision = result.Decision;
        var sameList = decision == Decision.Clarify && chosen.Count > 1 && chosen.Count == listIgnored.Count && chosen.All(a => listIgnored.Contains(a.Id));
        if (sameList && listShownInARow >= MaxSameListInARow)
        {
            // The citizen has been shown these very articles twice and typed on each time instead of choosing one (a follow-up
            // about a topic the KB does not hold: «а ребенку можно?», «а если уже укусил?»): a third time would not help, so it
            // is «нет ответа» (and, repeated, a person). Once more is fine: buttons are easy to miss, and a follow-up often
            // narrows to the same articles.
            services.Logger.ListRepeated(conversation.Id);
            decision = Decision.Fallback;
        }

        var fallbackText = sameList && decision == Decision.Fallback ? services.Phrases.SameListAgain : null;

        switch (decision)
        {
            case Decision.Answer or Decision.Clarify when chosen.Count == 1:
                var also = result.AlsoAsked is { } second && second.ArticleId != chosen[0].Id ? services.Knowledge.FindArticle(second.ArticleId) : null;
                if (also is null && context is not null && lastReply == MessageKind.Answer && conversation.LastArticleId == chosen[0].Id && !IsSensitive(chosen[0]))
                {
                    AnswerAgain(session, chosen[0], services.Knowledge.PassagesFor(chosen[0].Id, searchable), result.Chosen[0].MatchedText, asked);
                    break;
                }

                await AnswerAsync(session, chosen[0], cancellationToken, also, result.Chosen[0].MatchedText, asked);
                break;
            case Decision.Clarify when chosen.Count > 1 && context?.ArticleId is { } previous && lastReply == MessageKind.Answer
                && !IsSensitive(chosen[0]) && chosen.FirstOrDefault(a => a.Id == previous) is { } answered && !IsSensitive(answered)
                && services.Knowledge.PassagesFor(previous, searchable) is { Count: > 0 } passages:
                // Unsure between a few articles, one of them the answer just given, and the message's own words name a sentence
                // of that answer: the citizen asks about what they have just read.
                AnswerAgain(session, answered, passages, null, asked);
                break;
            case Decision.Clarify when chosen.Count > 1 && IsSensitive(chosen[0]):
                // The likeliest article is one a person must handle: hand over at once instead of asking which one.
                await AnswerAsync(session, chosen[0], cancellationToken, context: asked);
                break;
            case Decision.Clarify when chosen.Count > 1:
                // "Did you mean" before giving up: the likely articles, and the way to a person when none of them is it. A request
                // for a diagnosis or a medicine the KB is unsure about hears first who can help and the emergency numbers.
                // A citizen who types on instead of choosing still talks about what was asked: it is the next message's context.
                session.Conversation = conversation with
                {
                    ConsecutiveFallbacks = 0,
                    ClarifyArticleIds = [.. chosen.Select(a => a.Id)],
                    ClarifyShownInARow = sameList ? listShownInARow + 1 : 1,
                    ContextQuestion = LatestWords(asked, services.Options.Context.MaxWords),
                    ContextArticleId = null,
                    ContextLifeSituation = chosen[0].LifeSituation,
                    ContextAt = services.Now,
                    ContextTurns = 0,
                };
                session.Say(MessageKind.Clarify,
                    NeedsMedicalAdvice(text, numbersSaid) ? services.Phrases.MedicalAdvice + "\n\n" + services.Phrases.Clarify : services.Phrases.Clarify,
                    [.. chosen.Select(a => new QuickReply(a.Title, ButtonPayloads.Article(a.Id))), new QuickReply(services.Phrases.Buttons.Other, ButtonPayloads.Operator)]);
                break;
            default:
                await services.Unanswered.RecordAsync(conversation, Learning.UnansweredKind.Fallback, text,
                    [.. result.Candidates.Take(3).Select(c => c.ArticleId)], null, cancellationToken);

                session.Conversation = AfterNoAnswer(conversation, context, text, result, numbersSaid);
                await FallbackAsync(session, NeedsMedicalAdvice(text, numbersSaid), numbersSaid, cancellationToken, fallbackText);
                break;
        }
    }

    /// <summary>
    /// A citizen who hears «нет ответа» often says more about the same thing («она на сколько лет выдаётся?» after a question
    /// about a clinic's licence): the unanswered question joins the next message's context. A live context (an answer or a list
    /// before) stays what it was about and lasts no longer than it would have, unless none of the question's three likeliest
    /// articles is of its life situation (a licence after an answer about flu shots): then, as with no context, the question
    /// starts one in the life situation of its likeliest article. A message nothing in the KB is near at all, or one about danger now (the emergency
    /// numbers were said), leaves the context as it was.
    /// </summary>
    private Conversation AfterNoAnswer(Conversation conversation, AskContext? context, string text, AskResult result, bool numbersSaid)
    {
        if (numbersSaid)
        {
            return conversation;
        }

        // The search was unsure of every article, so its first one alone says little about the topic; three say enough.
        var likeliest = result.Candidates.FirstOrDefault();
        if (context is not null && (likeliest is null || context.LifeSituation is null
            || result.Candidates.Take(3).Any(c => c.LifeSituation == context.LifeSituation)))
        {
            return conversation with { ContextQuestion = LatestWords(context.Question + " " + text, services.Options.Context.MaxWords) };
        }

        return likeliest is not null
            ? conversation with
            {
                ContextQuestion = LatestWords(text, services.Options.Context.MaxWords),
                ContextArticleId = null,
                ContextLifeSituation = likeliest.LifeSituation,
                ContextAt = services.Now,
                ContextTurns = 0,
            }
            : conversation;
    }

    /// <summary>A request for a diagnosis or a medicine, unless the emergency numbers were already said this turn.</summary>
    private bool NeedsMedicalAdvice(string text, bool numbersSaid) => !numbersSaid && services.Intents.AsksForMedicalAdvice(text);

    /// <summary>The last answer's question, while it is fresh enough to be what the next message refers to.</summary>
    private AskContext? ContextOf(Conversation conversation)
    {
        var settings = services.Options.Context;
        if (conversation.ContextQuestion is not { } question || conversation.ContextAt is not { } at
            || conversation.ContextTurns >= settings.Turns || services.Now - at > settings.Lifetime)
        {
            return null;
        }

        question = PersonalDataMasker.WithoutTokens(question);
        return conversation.ContextArticleId is null && conversation.ContextLifeSituation is null
            ? new AskContext(question, conversation.LastArticleId, conversation.LifeSituation)
            : new AskContext(question, conversation.ContextArticleId, conversation.ContextLifeSituation);
    }

    /// <summary>
    /// The citizen asked the same again in other words right after the answer: it did not help. Like «Не помогло», but the
    /// next likely articles are offered first; with none, a person takes over. The same answer is never given twice.
    /// </summary>
    private async Task RepeatedAsync(ConversationSession session, AskResult result, string shown, string text, CancellationToken cancellationToken)
    {
        var conversation = session.Conversation;
        services.Logger.AskedAgain(conversation.Id, shown);
        services.Statistics.NotHelped(session, shown);
        await services.Unanswered.RecordAsync(conversation, Learning.UnansweredKind.NotHelped, text, [shown], shown, cancellationToken);
        var next = result.Candidates.Where(c => c.ArticleId != shown && c.Score > 0).ToList();
        var floor = next.Count > 0 ? next[0].Score * 0.5f : 0f;
        var others = next.Where(c => c.Score >= floor).Take(2)
            .Select(c => services.Knowledge.FindArticle(c.ArticleId)).OfType<Article>().ToList();
        if (others.Count == 0)
        {
            await handoff.StartAsync(session, HandoffReason.NotHelped, null, cancellationToken);
            return;
        }

        session.Conversation = conversation with { ConsecutiveFallbacks = 0, ClarifyArticleIds = [.. others.Select(a => a.Id)], ClarifyShownInARow = 1 };
        session.Say(MessageKind.Clarify, services.Phrases.RepeatedQuestion,
            [.. others.Select(a => new QuickReply(a.Title, ButtonPayloads.Article(a.Id))), new QuickReply(services.Phrases.Buttons.Other, ButtonPayloads.Operator)]);
    }

    /// <summary>
    /// A follow-up about the article answered just before («а до скольки звонить?»): the sentences of that answer it asks about,
    /// or, when none matches, a pointer to the answer above and the way to a person. The same long answer is never sent twice in
    /// a row; the article still counts as the one that answered.
    /// </summary>
    private void AnswerAgain(ConversationSession session, Article article, IReadOnlyList<string> passages, string? matched, string asked)
    {
        var reply = passages.Count > 0
            ? BotPhrases.Fill(services.Phrases.AnswerPassage, ("passage", string.Join(" ", passages)))
            : services.Phrases.AnswerAbove;
        session.Conversation = session.Conversation with
        {
            ConsecutiveFallbacks = 0,
            ContextQuestion = LatestWords(asked, services.Options.Context.MaxWords),
            ContextArticleId = article.Id,
            ContextLifeSituation = article.LifeSituation,
            ContextAt = services.Now,
            ContextTurns = 0,
        };
        session.Say(MessageKind.Answer, reply, services.Phrases.Buttons.AfterAnswer(), article.Sources.FirstOrDefault()?.Url);
        services.Statistics.Answered(session, article.Id, matched, pickedFromList: false);
    }

    /// <param name="alsoAsked">The article of a second question in the same message, offered as a button under the answer.</param>
    /// <param name="matched">The KB phrasing that found the article, for the article's card (null when the citizen chose it).</param>
    /// <param name="context">The question the answer is for, kept as the context of the next messages.</param>
    /// <param name="pickedFromList">The citizen chose the article from the bot's «Возможно, вы имели в виду» list.</param>
    private async Task AnswerAsync(ConversationSession session, Article article, CancellationToken cancellationToken, Article? alsoAsked = null,
        string? matched = null, string? context = null, bool pickedFromList = false)
    {
        if (IsSensitive(article))
        {
            await handoff.StartAsync(session, HandoffReason.Sensitive, article, cancellationToken);
            return;
        }

        var conversation = session.Conversation;
        var source = article.Sources.FirstOrDefault();
        var text = source is null
            ? article.Answer.Trim()
            : article.Answer.Trim() + "\n\n" + BotPhrases.Fill(services.Phrases.Source, ("title", source.Title), ("url", source.Url));
        session.Conversation = conversation with
        {
            LastArticleId = article.Id,
            LifeSituation = article.LifeSituation,
            ShownArticleIds = conversation.ShownArticleIds.Contains(article.Id) ? conversation.ShownArticleIds : [.. conversation.ShownArticleIds, article.Id],
            ConsecutiveFallbacks = 0,
            ContextQuestion = context is null ? conversation.ContextQuestion : LatestWords(context, services.Options.Context.MaxWords),
            ContextArticleId = article.Id,
            ContextLifeSituation = article.LifeSituation,
            ContextAt = services.Now,
            ContextTurns = 0,
        };
        IReadOnlyList<QuickReply> buttons = alsoAsked is null
            ? services.Phrases.Buttons.AfterAnswer()
            : [.. services.Phrases.Buttons.AfterAnswer(), new QuickReply(BotPhrases.Fill(services.Phrases.AlsoAsked, ("title", alsoAsked.Title)), ButtonPayloads.Article(alsoAsked.Id))];
        session.Say(MessageKind.Answer, text, buttons, source?.Url);
        services.Statistics.Answered(session, article.Id, matched, pickedFromList);
    }

    private IReadOnlyList<QuickReply> ListButtons(IReadOnlyList<string> articleIds) =>
        [.. articleIds.Select(services.Knowledge.FindArticle).OfType<Article>().Select(a => new QuickReply(a.Title, ButtonPayloads.Article(a.Id))),
            new QuickReply(services.Phrases.Buttons.Other, ButtonPayloads.Operator)];

    /// <summary>The same «Возможно, вы имели в виду» list is shown at most this many times in a row.</summary>
    private const int MaxSameListInARow = 2;

    private static string LatestWords(string text, int count)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? string.Join(' ', words) : string.Join(' ', words[^count..]);
    }

    private bool IsSensitive(Article article) =>
        services.Options.Handoff.SensitiveArticleIds.Contains(article.Id) || services.Options.Handoff.SensitiveLifeSituations.Contains(article.LifeSituation);

    /// <param name="medicalAdvice">The message asks for a diagnosis, a medicine or a dose: the citizen is told who can help and
    /// the emergency numbers, also when the repeated «нет ответа» hands the conversation over.</param>
    /// <param name="urgentNoticeSaid">The message described danger now and the numbers that help were just said: the plain «нет
    /// ответа… письменное обращение» after them would sound cold, so only the way to a person in the chat is offered.</param>
    /// <param name="instead">What to say in place of the plain «нет ответа» (the KB has articles near, none of them chosen).</param>
    private async Task FallbackAsync(ConversationSession session, bool medicalAdvice, bool urgentNoticeSaid, CancellationToken cancellationToken, string? instead = null)
    {
        var fallbacks = session.Conversation.ConsecutiveFallbacks + 1;
        session.Conversation = session.Conversation with { ConsecutiveFallbacks = fallbacks, FallbackCount = session.Conversation.FallbackCount + 1 };
        var handOver = fallbacks >= services.Options.Handoff.FallbacksBeforeHandoff;
        if (medicalAdvice)
        {
            session.Say(MessageKind.Fallback, services.Phrases.MedicalAdvice, handOver ? [] : services.Phrases.Buttons.AfterFallback());
        }
        else if (urgentNoticeSaid && !handOver)
        {
            session.Say(MessageKind.Fallback, services.Phrases.AfterUrgentNotice, [new QuickReply(services.Phrases.Buttons.Operator, ButtonPayloads.Operator)]);
        }
        else if (!handOver)
        {
            session.Say(MessageKind.Fallback, instead ?? services.Phrases.Fallback, services.Phrases.Buttons.AfterFallback());
        }

        if (handOver)
        {
            await handoff.StartAsync(session, HandoffReason.Fallbacks, null, cancellationToken);
        }
    }
}
