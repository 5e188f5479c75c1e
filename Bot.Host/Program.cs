using Assistant.Bot.Host;
using Assistant.Bot.Host.Cli;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

if (CliVerbs.IsUnknownVerb(args))
{
    return CliVerbs.Usage(args[0]);
}

await AssistantApp.Build(args).RunAsync();
return 0;
