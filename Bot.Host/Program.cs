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

WebApplication app;
try
{
    app = AssistantApp.Build(args);
}
catch (SettingException e)
{
    Console.Error.WriteLine("Assistant cannot start: " + e.Message);
    return 1;
}

await app.RunAsync();
return 0;
