using Assistant.Dialogs.Activities;
using Assistant.Dialogs.PersonalManagers;

namespace Assistant.Dialogs.Stores;

/// <summary>Per-person records for personal-manager routing; written under the person's conversation lock, so last write wins.</summary>
public interface IClientRecordStore
{
    Task<ClientRecord?> GetAsync(ConversationKey key, CancellationToken cancellationToken);

    Task SaveAsync(ClientRecord record, CancellationToken cancellationToken);
}
