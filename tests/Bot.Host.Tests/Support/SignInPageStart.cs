using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>
/// One whole life of the app on a data directory: start, render the staff sign-in page (its anti-forgery token needs the
/// data protection keys), stop. Returns the errors the app logged.
/// </summary>
public static class SignInPageStart
{
    public static async Task<string[]> RunAsync(string dataDirectory, params (string Key, string Value)[] settings)
    {
        var errors = new ConcurrentQueue<string>();
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", dataDirectory };
        foreach (var (key, value) in settings)
        {
            args.AddRange(["--" + key, value]);
        }

        var app = AssistantApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(new ErrorLog(errors));
        });
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
            Assert.Contains("__RequestVerificationToken", await client.GetStringAsync("staff/login"));
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }

        return [.. errors];
    }
}
