using System.Security.Claims;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Dialogs.Requests;

namespace Assistant.Bot.Host.Staff.Requests;

/// <summary>The requests desk as a signed-in staff member uses it: views of a request are audited, actions too.</summary>
public sealed class StaffRequests(RequestDesk desk, AuditLog audit)
{
    public async Task<IReadOnlyList<RequestView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var login = user.Login();
        return [.. (await desk.ListAsync(cancellationToken)).Select(r => RequestView.From(r, desk.Now, login))];
    }

    /// <summary>One request; the view is audited, with whether its contact was shown.</summary>
    public async Task<RequestView?> OpenAsync(ClaimsPrincipal user, string number, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(number, cancellationToken) is not { } request)
        {
            return null;
        }

        var view = RequestView.From(request, desk.Now, user.Login());
        await audit.WriteAsync(user.Login(), "request-open", request.Request.ConversationId, number,
            view.ContactHidden ? "contact hidden" : "contact shown", cancellationToken);
        return view;
    }

    public Task<(RequestDeskResult Result, RequestView? View)> AssignAsync(ClaimsPrincipal user, string number, CancellationToken cancellationToken) =>
        AuditedAsync(user, "request-assign", number, desk.AssignAsync(number, user.Login(), cancellationToken));

    public Task<(RequestDeskResult Result, RequestView? View)> AnswerAsync(ClaimsPrincipal user, string number, string text, CancellationToken cancellationToken) =>
        AuditedAsync(user, "request-answer", number, desk.AnswerAsync(number, user.Login(), text, cancellationToken));

    public Task<(RequestDeskResult Result, RequestView? View)> CloseAsync(ClaimsPrincipal user, string number, string? reason, CancellationToken cancellationToken) =>
        AuditedAsync(user, "request-close", number, desk.CloseAsync(number, user.Login(), reason, cancellationToken));

    private async Task<(RequestDeskResult Result, RequestView? View)> AuditedAsync(ClaimsPrincipal user, string action, string number, Task<RequestDeskResult> run)
    {
        var result = await run;
        await audit.WriteAsync(user.Login(), result.Succeeded ? action : action + "-refused", result.Request?.Request.ConversationId, number,
            result.Succeeded ? (result.Request?.Work.CloseReason is { } reason ? "без ответа: " + reason
                : result.Request?.Work.AnswerDelivered == true ? "sent to the channel" : null) : result.Error.ToString(),
            CancellationToken.None);
        return (result, result.Request is null ? null : RequestView.From(result.Request, desk.Now, user.Login()));
    }
}
