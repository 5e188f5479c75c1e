using Assistant.Dialogs.Requests;

namespace Assistant.Bot.Host.Staff.Requests;

/// <summary>
/// A written request as a staff member sees it. The contact (personal data) is filled only for the assignee; everyone else sees
/// that there is one.
/// </summary>
public sealed record RequestView(
    string Number,
    string Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    string Status,
    bool Overdue,
    string? Assignee,
    string Text,
    string? LifeSituation,
    string? Contact,
    bool ContactHidden,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    bool AnswerDelivered,
    string ConversationId,
    string? CloseReason = null)
{
    public static RequestView From(DeskRequest request, DateTimeOffset now, string viewer)
    {
        var mine = request.Work.Assignee == viewer;
        var overdue = request.IsOverdueAt(now);
        return new RequestView(
            request.Request.Number,
            request.Request.Channel,
            request.Request.CreatedAt,
            request.Request.DueAt,
            overdue ? "overdue" : StatusName(request.Work.Status),
            overdue,
            request.Work.Assignee,
            request.Request.Text,
            request.Request.LifeSituation,
            mine ? request.Request.Contact : null,
            !mine,
            request.Work.Answer,
            request.Work.AnsweredAt,
            request.Work.AnswerDelivered,
            request.Request.ConversationId,
            request.Work.CloseReason);
    }

    /// <summary>The API's status words: new, inWork, answered, closed, overdue.</summary>
    public static string StatusName(RequestStatus status) => status switch
    {
        RequestStatus.New => "new",
        RequestStatus.InWork => "inWork",
        RequestStatus.Answered => "answered",
        _ => "closed",
    };
}
