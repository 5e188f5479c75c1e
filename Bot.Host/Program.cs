using Assistant.Bot.Host.Cli;
using Assistant.Bot.Host.Health;
using Assistant.Bot.Host.Knowledge;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledge();
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();
app.MapHealthApi();
app.MapAskApi();
await app.RunAsync();
return 0;
