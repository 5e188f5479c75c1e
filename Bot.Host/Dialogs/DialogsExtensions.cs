using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.WebChat;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// The conversation engine on embedded defaults: conversation state, transcripts, requests and ratings in dialogs.db under
    /// Storage:DataDirectory, an in-process lock, the web chat as the first channel.
    /// </summary>
    public static IHostApplicationBuilder AddDialogs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DialogOptions>().Bind(builder.Configuration.GetSection(DialogOptions.Section))
            .Validate(o => !DialogOptionsValidator.Errors(o).Any(), "Invalid Dialogs settings (see docs/dialogs.md)")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DialogStores.Sqlite(Path.Combine(
            Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory), "dialogs.db")));
        services.AddSingleton<IConversationLock, InProcessConversationLock>();
        services.AddSingleton(sp => BotPhrases.Load(sp.GetRequiredService<IOptions<DialogOptions>>().Value.PhrasesPath));
        services.AddSingleton<WebChatHub>();
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton<DialogServices>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<OperatorDesk>();
        services.AddHostedService<InactivityCloser>();
        return builder;
    }
}
