using System.Security.Claims;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Retrieval;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>
/// The operator desk as a signed-in staff member uses it, from the console or the API: the identity is the principal's, the
/// queue is the member's groups, accepting respects groups and capacity, and every view and action is audited.
/// </summary>
public sealed class StaffDesk(
    OperatorDesk desk,
    QueueSnapshot snapshot,
    AuditLog audit,
    IKnowledgeSearch knowledge,
    IDbContextFactory<StaffDbContext> contexts,
    Presence.PresenceSweep presence,
    IOptions<StaffOptions> options)
{
    public StaffOptions Options => options.Value;

    /// <summary>
    /// The waiting conversations the member may take: their groups' (every group's for supervisors) and their personal clients'
    /// wherever they wait, personal clients first; a conversation held for another operator's personal client stays hidden until
    /// the hold runs out.
    /// </summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(ClaimsPrincipal user, string? group, CancellationToken cancellationToken)
    {
        // An integration reading the queue through the API is as present as an open console.
        await presence.SeenAsync([user.Login()], cancellationToken);
        return Visible(user, group, await desk.ListWaitingAsync(null, cancellationToken));
    }

    /// <summary>The same queue without transcripts, from the snapshot every console shares.</summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueSummaryAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Visible(user, null, (await snapshot.GetAsync(cancellationToken)).Waiting);

    /// <summary>The conversations the member answers now, without transcripts, from the shared snapshot.</summary>
    public async Task<IReadOnlyList<QueueEntry>> MineSummaryAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var login = user.Login();
        return [.. (await snapshot.GetAsync(cancellationToken)).Assigned.Where(e => e.OperatorId == login)];
    }

    private IReadOnlyList<QueueEntry> Visible(ClaimsPrincipal user, string? group, IReadOnlyList<QueueEntry> waiting)
    {
        var login = user.Login();
        var all = user.CanSeeAllGroups();
        var groups = user.Groups();
        var wanted = string.IsNullOrWhiteSpace(group) ? null : group.Trim().ToLowerInvariant();
        return [.. waiting
            .Where(e => wanted is null || e.Group == wanted)
            .Where(e => all || e.PersonalManagerId == login || (groups.Contains(e.Group) && !desk.IsReservedForAnother(e, login)))
            .OrderBy(e => e.PersonalManagerId == login ? 0 : 1)];
    }

    public Task<IReadOnlyList<QueueEntry>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        desk.ListAssignedAsync(user.Login(), cancellationToken);

    /// <summary>
    /// One conversation with its masked transcript, for the operator answering it, a member of the group it waits in, or a
    /// supervisor; the view is audited. Null when it does not exist or the member may not see it.
    /// </summary>
    public async Task<QueueEntry?> OpenAsync(ClaimsPrincipal user, string conversationId, CancellationToken cancellationToken)
    {
        var entry = await desk.GetAsync(conversationId, cancellationToken);
        if (entry is null || !MaySee(user, entry))
        {
            return null;
        }

        await audit.WriteAsync(user.Login(), "transcript", conversationId, cancellationToken: cancellationToken);
        return entry;
    }

    /// <summary>The same conversation again after a change, for a console that already opened it (not a new view, not audited).</summary>
    public async Task<QueueEntry?> RefreshAsync(ClaimsPrincipal user, string conversationId, CancellationToken cancellationToken) =>
        await desk.GetAsync(conversationId, cancellationToken) is { } entry && MaySee(user, entry) ? entry : null;

    public async Task<DeskResult> AcceptAsync(ClaimsPrincipal user, string conversationId, CancellationToken cancellationToken)
    {
        var rules = new AcceptRules(user.CanSeeAllGroups() ? null : user.Groups(), options.Value.MaxConversationsPerOperator);
        var result = await desk.AcceptAsync(conversationId, user.Login(), rules, cancellationToken);
        return await AuditedAsync(user, "accept", conversationId, null, result);
    }

    /// <summary>Sends <paramref name="text"/>; <paramref name="articleId"/> names the KB article it was built from, if any.</summary>
    public async Task<DeskResult> ReplyAsync(ClaimsPrincipal user, string conversationId, string text, string? articleId, CancellationToken cancellationToken)
    {
        var article = string.IsNullOrWhiteSpace(articleId) ? null : knowledge.FindArticle(articleId);
        var result = await desk.ReplyAsync(conversationId, user.Login(), text, article?.Id, cancellationToken);
        return await AuditedAsync(user, "reply", conversationId, article is null ? null : "article " + article.Id, result);
    }

    public async Task<DeskResult> TransferAsync(ClaimsPrincipal user, string conversationId, string toGroup, CancellationToken cancellationToken)
    {
        var group = toGroup.Trim().ToLowerInvariant();
        var staffed = await GroupsAsync(cancellationToken);
        var result = group.Length > 0 && !staffed.Contains(group)
            ? new DeskResult(DeskError.UnknownGroup, ConsoleText.UnknownGroup(group, staffed), null)
            : await desk.TransferAsync(conversationId, user.Login(), group, cancellationToken);
        return await AuditedAsync(user, "transfer", conversationId, "to " + group, result);
    }

    public async Task<DeskResult> CloseAsync(ClaimsPrincipal user, string conversationId, CancellationToken cancellationToken)
    {
        var result = await desk.CloseAsync(conversationId, user.Login(), cancellationToken);
        return await AuditedAsync(user, "close", conversationId, null, result);
    }

    /// <summary>
    /// The KB articles for the conversation's question (the citizen's first message), or for <paramref name="search"/> when the
    /// operator typed one: the answers an operator can insert and edit.
    /// </summary>
    public async Task<IReadOnlyList<ArticleTemplate>> TemplatesAsync(QueueEntry conversation, string? search, CancellationToken cancellationToken)
    {
        var question = string.IsNullOrWhiteSpace(search)
            ? string.Join(" ", conversation.Transcript.Where(e => e.From == Assistant.Dialogs.Activities.Authors.Citizen).Select(e => e.Text).Take(3))
            : search;
        if (string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var result = await knowledge.AskAsync(new AskRequest(question, conversation.Segment), cancellationToken);
        // Only articles that share words with the question: the vector alone ranks some article first for any text, and five
        // unrelated "suggestions" for a typo'd search are worse than «не найдено».
        return [.. result.Candidates.Where(c => c.Lexical > 0 || c.AnswerText > 0).Take(5)
            .Select(c => knowledge.FindArticle(c.ArticleId))
            .OfType<Assistant.Knowledge.Model.Article>()
            .Select(a => new ArticleTemplate(a.Id, a.Title, a.LifeSituation, a.Answer))];
    }

    /// <summary>Every skill group some account belongs to, plus "general": the targets a transfer can name.</summary>
    public Task<IReadOnlyList<string>> GroupsAsync(CancellationToken cancellationToken) => StaffGroups.StaffedAsync(contexts, cancellationToken);

    public async Task<bool> IsOnlineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == user.Login()).Select(u => u.Online).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>«На месте» or «Отошёл»: personal-manager routing and supervisors read it.</summary>
    public async Task SetOnlineAsync(ClaimsPrincipal user, bool online, CancellationToken cancellationToken)
    {
        if (online)
        {
            // Seen now, so the next presence sweep does not set away someone who has only just said «на месте».
            await presence.SeenAsync([user.Login()], cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == user.Login()).ExecuteUpdateAsync(s => s.SetProperty(u => u.Online, online), cancellationToken);
        await audit.WriteAsync(user.Login(), online ? "online" : "away", cancellationToken: cancellationToken);
    }

    /// <summary>Every operator with presence and how many conversations each is answering (supervisors' view).</summary>
    public async Task<IReadOnlyList<OperatorLoad>> OperatorsAsync(CancellationToken cancellationToken)
    {
        var counts = await desk.CountAssignedAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operatorRole = await db.Roles.Where(r => r.Name == StaffRoles.Operator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var users = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == operatorRole))
            .Select(u => new { u.UserName, u.Online, u.Groups }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new OperatorLoad(u.UserName!, u.Online, StaffGroups.Parse(u.Groups), counts.GetValueOrDefault(u.UserName!)))
            .OrderBy(u => u.Login, StringComparer.Ordinal)];
    }

    private static bool MaySee(ClaimsPrincipal user, QueueEntry entry) =>
        user.CanSeeAllGroups()
        || entry.OperatorId == user.Login()
        || (entry.State == Assistant.Dialogs.Lifecycle.ConversationState.WaitingForOperator
            && (user.Groups().Contains(entry.Group) || entry.PersonalManagerId == user.Login()));

    /// <summary>Sets or clears a flag (e.g. «инвалидность») on the conversation the member is answering; audited.</summary>
    public async Task<DeskResult> SetFlagAsync(ClaimsPrincipal user, string conversationId, string flag, bool on, CancellationToken cancellationToken)
    {
        var result = await desk.SetFlagAsync(conversationId, user.Login(), flag, on, cancellationToken);
        return await AuditedAsync(user, on ? "flag-set" : "flag-cleared", conversationId, flag, result);
    }

    private async Task<DeskResult> AuditedAsync(ClaimsPrincipal user, string action, string conversationId, string? details, DeskResult result)
    {
        await audit.WriteAsync(user.Login(), result.Succeeded ? action : action + "-refused", conversationId,
            details: result.Succeeded ? details : result.Error.ToString(), cancellationToken: CancellationToken.None);
        return result;
    }
}

public sealed record OperatorLoad(string Login, bool Online, IReadOnlyList<string> Groups, int Conversations);
