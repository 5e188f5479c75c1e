using Assistant.Bot.Host;
using Assistant.Bot.Host.Cli;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

await AssistantApp.Build(args).RunAsync();
return 0;
