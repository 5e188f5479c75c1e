using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Stores;

public sealed class SqliteConversationStoreContractTests : ConversationStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public SqliteConversationStoreContractTests() => Store = DialogStores.Sqlite(_directory.File("dialogs.db")).Conversations;

    protected override IConversationStore Store { get; }

    public void Dispose() => _directory.Dispose();
}
