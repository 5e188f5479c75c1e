using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Requests;

/// <summary>
/// The written requests desk: list (overdue first), take into work, answer (also sent to the citizen's channel when the
/// conversation is reachable there), close. One staff member works on a request at a time.
/// </summary>
public sealed class RequestDesk(DialogServices services)
{
    private DeskPhrases Phrases => services.Phrases.Desk;

    /// <summary>An answer to a written request may be a letter, longer than a chat message, but not a book.</summary>
    public const int MaxAnswerLength = 20_000;

    /// <summary>Why a request is closed without an answer: a line, not a letter.</summary>
    public const int MaxReasonLength = 1_000;

    private RequestDeskResult TooLong(int limit) =>
        new(RequestDeskError.TooLong, BotPhrases.Fill(Phrases.RequestTooLong, ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), null);

    /// <summary>Overdue first, then open ones by deadline, then answered, then closed.</summary>
    public async Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken)
    {
        var now = services.Now;
        return [.. (await services.Stores.Requests.ListAsync(cancellationToken))
            .OrderBy(r => r.IsOverdueAt(now) ? 0 : r.Work.Status switch { RequestStatus.New or RequestStatus.InWork => 1, RequestStatus.Answered => 2, _ => 3 })
            .ThenBy(r => r.Request.DueAt)];
    }

    public Task<DeskRequest?> GetAsync(string number, CancellationToken cancellationToken) =>
        services.Stores.Requests.GetWithWorkAsync(number, cancellationToken);

    public DateTimeOffset Now => services.Now;

    /// <summary>Takes a new request, or one of one's own back into work; another's stays theirs.</summary>
    public Task<RequestDeskResult> AssignAsync(string number, string staffId, CancellationToken cancellationToken) =>
        ChangeAsync(number, cancellationToken,
            current => current.Work.Assignee is { } assignee && assignee != staffId ? (RequestDeskError.NotYours, Phrases.RequestNotYours)
                : current.Work.Status is RequestStatus.Closed ? (RequestDeskError.WrongState, Phrases.RequestWrongState)
                : null,
            current => current.Work with { Status = RequestStatus.InWork, Assignee = staffId });

    /// <summary>Records the answer and sends it to the citizen's channel when there is a sender for it.</summary>
    public async Task<RequestDeskResult> AnswerAsync(string number, string staffId, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestDeskResult(RequestDeskError.EmptyText, Phrases.EmptyText, null);
        }

        if (text.Trim().Length > MaxAnswerLength)
        {
            return TooLong(MaxAnswerLength);
        }

        var answered = await ChangeAsync(number, cancellationToken,
            current => current.Work.Assignee != staffId ? (RequestDeskError.NotYours, Phrases.RequestNotYours)
                : current.Work.Status is not RequestStatus.InWork ? (RequestDeskError.WrongState, Phrases.RequestWrongState)
                : null,
            current => current.Work with { Status = RequestStatus.Answered, Answer = text.Trim(), AnsweredAt = services.Now });
        if (!answered.Succeeded)
        {
            return answered;
        }

        var request = answered.Request!;
        if (!await DeliverAsync(request, staffId, cancellationToken))
        {
            return answered;
        }

        var delivered = request.Work with { AnswerDelivered = true };
        return await services.Stores.Requests.SaveWorkAsync(number, request.Work, delivered, cancellationToken)
            ? answered with { Request = request with { Work = delivered } }
            : answered;
    }

    /// <summary>
    /// Closes a request its assignee has answered, or, without an answer, with the reason given (a duplicate, withdrawn): every
    /// written request must be answered (59-FZ), so one cannot quietly disappear: the dashboard counts such requests apart, as
    /// «закрыто без ответа», with the reason on the request and in the audit log.
    /// </summary>
    public Task<RequestDeskResult> CloseAsync(string number, string staffId, string? reason, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            return Task.FromResult(TooLong(MaxReasonLength));
        }

        return ChangeAsync(number, cancellationToken,
            current => current.Work.Assignee is null ? (RequestDeskError.NotTaken, Phrases.RequestNotTaken)
                : current.Work.Assignee != staffId ? (RequestDeskError.NotYours, Phrases.RequestNotYours)
                : current.Work.Status is RequestStatus.Closed ? (RequestDeskError.WrongState, Phrases.RequestWrongState)
                : current.Work.Status is not RequestStatus.Answered && reason is null ? (RequestDeskError.NoAnswer, Phrases.RequestNoAnswer)
                : null,
            current => current.Work with
            {
                Status = RequestStatus.Closed,
                ClosedAt = services.Now,
                CloseReason = current.Work.Status is RequestStatus.Answered ? null : reason,
            });
    }

    private async Task<bool> DeliverAsync(DeskRequest request, string staffId, CancellationToken cancellationToken)
    {
        if (services.SenderFor(request.Request.Channel) is null)
        {
            return false;
        }

        await using var session = await services.Sessions.OpenAsync(request.Request.ConversationId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        session.Say(MessageKind.OperatorMessage,
            BotPhrases.Fill(services.Phrases.RequestAnswer, ("number", request.Request.Number), ("text", request.Work.Answer!)),
            from: Authors.Operator, operatorId: staffId);
        await session.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Reads, checks, and saves with a version check; a concurrent change is reported, never overwritten.</summary>
    private async Task<RequestDeskResult> ChangeAsync(string number, CancellationToken cancellationToken,
        Func<DeskRequest, (RequestDeskError Error, string Message)?> refusal, Func<DeskRequest, RequestWork> change)
    {
        var current = await services.Stores.Requests.GetWithWorkAsync(number, cancellationToken);
        if (current is null)
        {
            return new RequestDeskResult(RequestDeskError.NotFound, Phrases.RequestNotFound, null);
        }

        if (refusal(current) is { } refused)
        {
            return new RequestDeskResult(refused.Error, refused.Message, current);
        }

        var next = change(current);
        return await services.Stores.Requests.SaveWorkAsync(number, current.Work, next, cancellationToken)
            ? new RequestDeskResult(null, null, current with { Work = next })
            : new RequestDeskResult(RequestDeskError.Changed, Phrases.RequestChanged, current);
    }
}
