namespace Assistant.Bot.Host.WebChat;

/// <summary>Carries web chat events between hosts: the engine may run a turn on one host while the visitor's stream is open on another.</summary>
public interface IWebChatBackplane
{
    void Publish(string userId, WebChatEvent message);
}
