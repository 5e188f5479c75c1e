using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.PersonalManagers;
using Assistant.Dialogs.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>
/// An operator is available for their personal client when their account says «на месте» and they hold fewer conversations than
/// Staff:MaxConversationsPerOperator. Both live in shared stores when scaled out, so any host answers the same.
/// </summary>
public sealed class StaffAvailability(IDbContextFactory<StaffDbContext> contexts, DialogStores stores, IOptions<StaffOptions> options) : IOperatorAvailability
{
    public async Task<bool> IsAvailableAsync(string operatorId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Users.AnyAsync(u => u.UserName == operatorId && u.Online, cancellationToken))
            {
                return false;
            }
        }

        var assigned = (await stores.Conversations.ListByStateAsync(ConversationState.WithOperator, cancellationToken)).Count(c => c.OperatorId == operatorId);
        return assigned < options.Value.MaxConversationsPerOperator;
    }
}
