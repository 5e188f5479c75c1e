using System.Collections.Concurrent;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>The quick start on a machine that never ran the assistant: an empty data directory.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_first_start_on_an_empty_data_directory_logs_no_error()
    {
        var data = Path.Combine(Path.GetTempPath(), "assistant-first-" + Guid.NewGuid().ToString("N"));
        var errors = new ConcurrentQueue<string>();
        var app = AssistantApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(new ErrorLog(errors));
        });
        try
        {
            await app.StartAsync();
            // Staff sign-in needs the data protection keys: the page must render with its anti-forgery token.
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
            var signIn = await client.GetStringAsync("staff/login");
            Assert.Contains("__RequestVerificationToken", signIn);
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }

        Assert.Empty(errors);
    }
}
