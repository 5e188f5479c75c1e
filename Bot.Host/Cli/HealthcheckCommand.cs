namespace Assistant.Bot.Host.Cli;

/// <summary>
/// `healthcheck [--url URL]`: the container's HEALTHCHECK. Images without a shell or curl (Microsoft's chiseled ones) still
/// have dotnet, so the probe is the app itself: a GET of /healthz/live, exit 0 on 200 and 1 otherwise. It starts no host
/// and reads no KB, so it costs a process start every interval and nothing more.
/// </summary>
public static class HealthcheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken ct)
    {
        var url = new CliArguments(args).Get("url") ?? DefaultUrl();
        // Loopback never goes through a proxy the container may be given for Telegram or VK.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url, ct);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"{url}: {(int)response.StatusCode}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            await error.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>HEALTHCHECK_PORT (the Containerfile sets it beside ASPNETCORE_URLS), else 8080, on loopback.</summary>
    private static string DefaultUrl()
    {
        var port = Environment.GetEnvironmentVariable("HEALTHCHECK_PORT");
        return $"http://127.0.0.1:{(int.TryParse(port, out var p) ? p : 8080)}/healthz/live";
    }
}
