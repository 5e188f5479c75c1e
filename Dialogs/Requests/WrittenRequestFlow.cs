using System.Globalization;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Requests;

/// <summary>
/// Files a written request: the text, then a contact, then a numbered request acknowledged at once with its answer deadline.
/// The text is kept masked; the contact is the one piece of personal data taken, on purpose and after a notice.
/// </summary>
internal sealed class WrittenRequestFlow(DialogServices services)
{
    public void Start(ConversationSession session, string? prompt = null)
    {
        session.Fire(ConversationTrigger.RequestStarted);
        session.Say(MessageKind.Notice, prompt ?? services.Phrases.RequestStart, services.Phrases.Buttons.CancelOnly());
    }

    public void TakeText(TurnContext context, RecognizedIntent intent)
    {
        var session = context.Session;
        if (StopsHere(context, intent))
        {
            return;
        }

        var text = context.Activity.Text;
        if (context.Activity.Type != ActivityType.Message || !InputText.HasWords(text))
        {
            session.Say(MessageKind.Notice, services.Phrases.AskInWords, services.Phrases.Buttons.CancelOnly());
            return;
        }

        session.Conversation = session.Conversation with { PendingRequestText = text };
        session.Fire(ConversationTrigger.RequestTextGiven);
        session.Say(MessageKind.Notice, services.Phrases.RequestAskContact, services.Phrases.Buttons.CancelOnly());
    }

    public async Task TakeContactAsync(TurnContext context, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (StopsHere(context, intent))
        {
            return;
        }

        var found = context.Activity.Type == ActivityType.Message ? services.Masker.Find(context.UnmaskedText) : [];
        var contacts = found.Where(m => m.Kind is PersonalDataKind.Email or PersonalDataKind.Phone).Select(m => m.Value.Trim()).ToList();
        if (contacts.Count > 0)
        {
            // A name given with the contact («Иванова Анна Сергеевна, anna@example.ru») is how the answer addresses the person:
            // it is kept with the contact, for the same people and purpose, while the request's text stays masked.
            contacts.InsertRange(0, found.Where(m => m.Kind == PersonalDataKind.FullName).Select(m => m.Value.Trim()));
        }

        if (contacts.Count == 0)
        {
            session.Say(MessageKind.Notice, services.Phrases.RequestContactInvalid, services.Phrases.Buttons.CancelOnly());
            return;
        }

        var options = services.Options.Requests;
        var conversation = session.Conversation;
        var sequence = await services.Stores.Requests.NextNumberAsync(cancellationToken);
        var now = services.Now;
        var request = new WrittenRequest
        {
            Number = options.NumberPrefix + sequence.ToString("D" + options.NumberDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ConversationId = conversation.Id,
            Channel = conversation.Key.Channel,
            Text = conversation.PendingRequestText ?? string.Empty,
            Contact = string.Join("; ", contacts.Distinct()),
            LifeSituation = conversation.LifeSituation,
            ArticleIds = conversation.ShownArticleIds,
            CreatedAt = now,
            DueAt = now.AddDays(options.AnswerDays),
        };
        await services.Stores.Requests.AddAsync(request, cancellationToken);
        services.Logger.RequestFiled(request.Number, conversation.Id, request.DueAt);
        services.Statistics.RequestAcknowledged(session, context.Activity.Timestamp == default ? TimeSpan.Zero : now - context.Activity.Timestamp);

        session.Conversation = conversation with { PendingRequestText = null, RequestNumber = request.Number };
        session.Fire(ConversationTrigger.RequestFiled);
        session.Say(MessageKind.RequestAcknowledged, BotPhrases.Fill(services.Phrases.RequestAcknowledged,
            ("number", request.Number), ("deadline", services.Hours.FormatDate(request.DueAt))));
    }

    /// <summary>No request after all, and the bot takes over again: the citizen asked for a person instead.</summary>
    public void Abandon(ConversationSession session)
    {
        session.Conversation = session.Conversation with { PendingRequestText = null };
        session.Fire(ConversationTrigger.RequestCancelled);
    }

    /// <summary>
    /// «Отмена» (also «нет, не нужно», «передумал», «отменить обращение») returns to the bot; "вопрос решён" closes the
    /// conversation; either way no request is filed.
    /// </summary>
    private bool StopsHere(TurnContext context, RecognizedIntent intent)
    {
        var cancels = intent.Kind == CitizenIntent.Cancel
            || (context.Activity.Type == ActivityType.Message && intent.Kind == CitizenIntent.None && services.Intents.CancelsRequest(context.Activity.Text));
        if (!cancels && intent.Kind != CitizenIntent.Resolved)
        {
            return false;
        }

        var session = context.Session;
        session.Conversation = session.Conversation with { PendingRequestText = null };
        if (intent.Kind == CitizenIntent.Resolved)
        {
            services.Closer.Close(session, CloseReason.Citizen);
            return true;
        }

        session.Fire(ConversationTrigger.RequestCancelled);
        session.Say(MessageKind.Notice, services.Phrases.RequestCancelled);
        return true;
    }
}
