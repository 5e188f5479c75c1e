using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// Told after a conversation's new state is saved (a handover queued, accepted, transferred, closed…), so a host can push the
/// change to staff screens instead of having them poll. Called on the committing thread: it must return quickly and not throw.
/// </summary>
public interface IConversationObserver
{
    void Changed(Conversation conversation);
}
